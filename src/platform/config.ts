import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().min(1).default('./.accord'),
  DATABASE_URL: z.string().url().optional(),
  ACCORD_ADMIN_EMAIL: z.string().email().optional(),
  ACCORD_ADMIN_PASSWORD: z.string().min(8).optional(),
  ACCORD_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCORD_SECURE_COOKIES: booleanFlag.default(false),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  secureCookies: boolean;
};

/** Reads Accord's configuration from the environment; a bad value stops start-up with its name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.ACCORD_DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    adminEmail: values.ACCORD_ADMIN_EMAIL,
    adminPassword: values.ACCORD_ADMIN_PASSWORD,
    demo: values.ACCORD_DEMO,
    logLevel: values.LOG_LEVEL,
    secureCookies: values.ACCORD_SECURE_COOKIES,
  };
}
