import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/contract';
import { ApiError, isProblem, type Problem } from './problem';
import { session } from '../lib/session';
import { acceptLanguage, t } from '../lib/i18n';

let expiredHandler: () => void = () => {};

/** Called once by the app: what to do when the API says the token is no longer good (401). */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const s = session.value;
    if (s && !request.url.includes('/api/v1/auth/token')) {
      request.headers.set('Authorization', `Bearer ${s.accessToken}`);
    }
    request.headers.set('Accept-Language', acceptLanguage());
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.includes('/api/v1/auth/token')) {
      expiredHandler();
    }
    return response;
  },
};

/** The only way the console talks to the suite: the client generated from contract/openapi.yaml, same origin. */
export const api = createClient<paths>({
  baseUrl: typeof window !== 'undefined' ? window.location.origin : 'http://localhost',
  // looked up at each call, so a test can stand in for the network
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying its problem+json. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response);
  }
  return result.data as T;
}

/** The body and the ETag an update must send back as If-Match. */
export function unwrapWithEtag<T>(result: FetchResult<T>): { data: T; etag: string } {
  const data = unwrap(result);
  return { data, etag: result.response.headers.get('ETag') ?? '' };
}

export function toApiError(error: unknown, response: Response): ApiError {
  const problem: Problem = isProblem(error)
    ? error
    : { status: response.status, title: t('error.generic'), detail: typeof error === 'string' ? error : undefined };
  return new ApiError(problem, response.status);
}

/** A fetch that never reached the server (offline, DNS, reset) as an ApiError with status 0. */
export function networkError(): ApiError {
  return new ApiError({ status: 0, title: t('error.network') }, 0);
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : networkError();
}

/** A fresh Idempotency-Key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
