import { vi } from 'vitest';

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: Request, body: unknown) => FakeAnswer | undefined;

/** Stands in for the suite: each request goes to the first route that answers; the requests are recorded. */
export function fakeApi(...routes: Route[]): { requests: { request: Request; body: unknown }[] } {
  const requests: { request: Request; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    // a form (the OIDC provider's token endpoint) is kept as its text
    const form = request.headers.get('Content-Type')?.startsWith('application/x-www-form-urlencoded');
    const body = text ? (form ? text : JSON.parse(text)) : undefined;
    requests.push({ request, body });
    for (const route of routes) {
      const answer = route(request, body);
      if (answer) {
        const status = answer.status ?? 200;
        const problem = status >= 400;
        return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
          status,
          headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...answer.headers },
        });
      }
    }
    return new Response(JSON.stringify({ status: 404, title: 'Not found' }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  });
  return { requests };
}

/** A route for one method and path (a RegExp over the path, query excluded). */
export function on(method: string, path: RegExp, answer: (request: Request, body: unknown) => FakeAnswer): Route {
  return (request, body) => {
    const url = new URL(request.url);
    return request.method === method && path.test(url.pathname) ? answer(request, body) : undefined;
  };
}
