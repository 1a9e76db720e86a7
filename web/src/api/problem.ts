/** One field at fault, as the server names it (`name`, `emails.0`, `custom.region`). */
export type FieldProblem = { path: string; message: string };

/** An RFC 9457 problem+json body, with messages already in the request's language. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldProblem[];
  requestId?: string;
};

/** What the web app throws for every failed request: the server's problem, or one made up for a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for a 412: the record changed since the version the request named in If-Match. */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/** Reads a failed response as a problem; a body that is not one still yields a usable problem. */
export async function problemOf(response: Response, fallbackTitle: string): Promise<Problem> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isProblem(body)) return { ...body, detail: body.detail ?? '', errors: body.errors ?? [] };
  } catch {
    // NOTE: a proxy or a crashed server may answer with HTML; fall through to a generic problem.
  }
  return {
    type: 'about:blank',
    title: fallbackTitle,
    status: response.status,
    detail: response.statusText,
    errors: [],
  };
}
