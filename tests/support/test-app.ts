import { afterAll, beforeAll } from 'vitest';
import { createApiToken } from '../../src/modules/auth';
import { type User, users } from '../../src/modules/users';
import { createWorkspace, memberships } from '../../src/modules/workspaces';
import { hashPassword } from '../../src/platform/auth/password';
import { type Role, roles } from '../../src/platform/auth/permissions';
import type { Config } from '../../src/platform/config';
import { asSystem } from '../../src/platform/db/client';
import type { AppDependencies } from '../../src/platform/http/context';
import { createLogger } from '../../src/platform/logger';
import { buildApp } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './test-database';

export const testConfig: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: undefined,
  adminEmail: undefined,
  adminPassword: undefined,
  demo: false,
  logLevel: 'silent',
  secureCookies: false,
};

/** A clock the test moves by hand. */
export class TestClock {
  current = new Date('2026-11-26T09:00:00Z');
  now = () => new Date(this.current);
  advance(milliseconds: number) {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them.
export type Json = any;

export type TestResponse<T = Json> = { status: number; body: T; headers: Headers };

export type Credentials = { token?: string; cookie?: string; csrfToken?: string };

/** Calls the app in-process (no sockets) as one credential, in one language. */
export class ApiClient {
  constructor(
    private readonly app: ReturnType<typeof buildApp>,
    readonly auth: Credentials = {},
    private readonly locale = 'en',
  ) {}

  inLanguage(locale: string): ApiClient {
    return new ApiClient(this.app, this.auth, locale);
  }

  /** The same credential without the CSRF token: what a forged cross-site request carries. */
  withoutCsrf(): ApiClient {
    const { csrfToken: _csrfToken, ...auth } = this.auth;
    return new ApiClient(this.app, auth, this.locale);
  }

  async request<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const requestHeaders: Record<string, string> = { 'accept-language': this.locale, ...headers };
    if (this.auth.token) requestHeaders.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) requestHeaders.cookie = this.auth.cookie;
    if (this.auth.csrfToken && method !== 'GET') requestHeaders['x-csrf-token'] = this.auth.csrfToken;
    let payload: string | Blob | undefined;
    if (body instanceof Uint8Array) {
      payload = new Blob([new Uint8Array(body)]);
      requestHeaders['content-type'] ??= 'application/octet-stream';
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      requestHeaders['content-type'] ??= 'application/json';
    }
    // NOTE: an explicit `content-type: ''` sends the body without one.
    if (requestHeaders['content-type'] === '') delete requestHeaders['content-type'];
    const response = await this.app.request(path, { method, headers: requestHeaders, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Json>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = Json>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = Json>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = Json>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

export type SeededUser = { id: string; email: string; name: string; password: string; api: ApiClient };

export type SeededWorkspace = {
  workspaceId: string;
  users: Record<Role, SeededUser>;
};

export type TestApp = {
  database: TestDatabase;
  deps: AppDependencies;
  app: ReturnType<typeof buildApp>;
  clock: TestClock;
  anonymous: ApiClient;
  /** A workspace with one user per role, each with an API token client. */
  seedWorkspace(name?: string): Promise<SeededWorkspace>;
  /** Signs in with e-mail and password, returning a cookie client that sends the CSRF token. */
  signIn(email: string, password: string): Promise<ApiClient>;
  /** Runs SQL as the owner role (no row-level security), to look behind the API in assertions. */
  query<Row extends Record<string, unknown> = Record<string, Json>>(text: string, values?: unknown[]): Promise<Row[]>;
};

/** The cookie client of a successful login response: it sends the session cookie and the CSRF token. */
export function sessionClient(app: ReturnType<typeof buildApp>, login: TestResponse): ApiClient {
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return new ApiClient(app, { cookie, csrfToken: login.body.csrfToken });
}

let workspaceCounter = 0;

/** Sets up an app over a fresh database for the test file; torn down after it. */
export function useTestApp(): TestApp {
  const clock = new TestClock();
  const context = {} as TestApp;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const deps: AppDependencies = {
      db: database.db,
      config: testConfig,
      logger: createLogger('silent'),
      now: clock.now,
    };
    const app = buildApp(deps, { webDirectory: '/nonexistent' });
    Object.assign(context, {
      database,
      deps,
      app,
      clock,
      anonymous: new ApiClient(app),
      seedWorkspace: (name?: string) => seedWorkspace(deps, app, name),
      query: async (text: string, values?: unknown[]) => (await database.pool.query(text, values)).rows,
      signIn: async (email: string, password: string) => {
        const response = await new ApiClient(app).post('/api/v1/auth/login', { email, password });
        if (response.status !== 200)
          throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
        return sessionClient(app, response);
      },
    });
  });
  afterAll(async () => {
    await context.database?.drop();
  });
  return context;
}

const seedPassword = 'correct horse battery';
// NOTE: argon2 is slow on purpose; seeded users share one hash of the one password.
let seedPasswordHash: Promise<string> | undefined;

async function seedWorkspace(
  deps: AppDependencies,
  app: ReturnType<typeof buildApp>,
  name?: string,
): Promise<SeededWorkspace> {
  workspaceCounter += 1;
  const tag = `${workspaceCounter}-${Math.random().toString(36).slice(2, 8)}`;
  seedPasswordHash ??= hashPassword(seedPassword);
  const passwordHash = await seedPasswordHash;
  return asSystem(deps.db, {}, async (tx) => {
    const created = await tx
      .insert(users)
      .values(roles.map((role) => ({ email: `${role}-${tag}@example.com`, name: `${role} ${tag}`, passwordHash })))
      .returning();
    const byRole = new Map(
      roles.map((role) => [role, created.find((user) => user.email.startsWith(`${role}-`)) as User]),
    );
    const admin = byRole.get('admin') as User;
    const workspace = await createWorkspace(tx, { name: name ?? `Workspace ${tag}` }, { userId: admin.id });
    const seeded = {} as SeededWorkspace['users'];
    for (const role of roles) {
      const user = byRole.get(role) as User;
      if (role !== 'admin') await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role });
      const actor = { userId: user.id, workspaceId: workspace.id, role };
      const { token } = await createApiToken({ db: tx, actor, now: deps.now() }, { name: 'tests' });
      seeded[role] = {
        id: user.id,
        email: user.email,
        name: user.name,
        password: seedPassword,
        api: new ApiClient(app, { token }),
      };
    }
    return { workspaceId: workspace.id, users: seeded };
  });
}
