/** Calling a running Sampan's API from a benchmark, and the salespeople the sales benchmarks act as. */

export interface ApiResult {
  res: Response;
  body: Record<string, unknown>;
}

/** One JSON request to /api/v1 with a bearer token (or none); anything but 2xx throws. */
export async function call(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiResult> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

export interface Salesperson {
  id: string;
  /** An API token with the sales role, acting as this user ('own' scope). */
  token: string;
}

/** A salesperson made by the admin, signed in, with an API token acting as them. */
export async function salesperson(base: string, adminToken: string, i: number): Promise<Salesperson> {
  const email = `sales${i}@bench.example`;
  const password = 'bench-password';
  const user = await call(base, 'POST', '/users', adminToken, { email, name: `Sales ${i}`, password, role: 'sales' });
  const login = await call(base, 'POST', '/auth/login', null, { email, password });
  const cookie = /sampan_session=[^;]+/.exec(login.res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const res = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': String(login.body.csrfToken) },
    body: JSON.stringify({ name: 'bench', role: 'sales' }),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { id: String(user.body.id), token: ((await res.json()) as { token: string }).token };
}

/** `count` salespeople, made one after another. */
export async function salespeople(base: string, adminToken: string, count: number): Promise<Salesperson[]> {
  const out: Salesperson[] = [];
  for (let i = 0; i < count; i++) out.push(await salesperson(base, adminToken, i));
  return out;
}
