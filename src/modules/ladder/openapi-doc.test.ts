import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLadderFixture, type LadderFixture } from './testing.ts';

let f: LadderFixture;
beforeAll(async () => {
  f = await createLadderFixture();
});
afterAll(() => f.t.close());

describe('ladder API documentation', () => {
  it('documents every ladder route in the OpenAPI document', async () => {
    const res = await f.t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/ladder/rules'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/v1/ladder/stages']?.get).toBeDefined();
    expect(doc.paths['/api/v1/ladder/recompute']?.post).toBeDefined();
    expect(doc.paths['/api/v1/customers/{id}/ladder']?.get).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/customers/{id}/ladder/override'] ?? {}).sort()).toEqual(['delete', 'put']);
  });
});
