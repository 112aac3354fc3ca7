/**
 * Routes that take a raw file body (e.g. a CSV upload) instead of JSON, with their own
 * size limit. Modules declare them when their routes are built; the app's body checks
 * (limit and JSON-only) consult this list, and the route enforces its limit while streaming.
 */
export interface RawBodyRoute {
  method: 'POST' | 'PUT';
  /** Matches the full request path, e.g. /^\/api\/v1\/imports$/ */
  path: RegExp;
  maxBytes: number;
}

const routes: RawBodyRoute[] = [];

export function declareRawBodyRoute(route: RawBodyRoute): void {
  if (!routes.some((r) => r.method === route.method && r.path.source === route.path.source)) routes.push(route);
}

export function rawBodyRoute(method: string, path: string): RawBodyRoute | undefined {
  return routes.find((r) => r.method === method && r.path.test(path));
}
