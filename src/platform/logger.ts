import pino, { type Logger } from 'pino';

export type { Logger };

// NOTE: every path that can carry a secret is redacted, so a debug log never leaks one.
const redactedPaths = [
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'databaseUrl',
  '*.databaseUrl',
];

/** Creates the process logger: JSON lines on stdout, secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
