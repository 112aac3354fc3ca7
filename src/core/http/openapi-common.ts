import { z } from '@hono/zod-openapi';
import { problemSchema } from './problem.ts';

/** Error responses shared by protected routes, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: problemSchema } } },
  401: { description: 'Not signed in', content: { 'application/problem+json': { schema: problemSchema } } },
  403: { description: 'Not allowed', content: { 'application/problem+json': { schema: problemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
  409: { description: 'Conflict', content: { 'application/problem+json': { schema: problemSchema } } },
} as const;

export const idParamSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

export function jsonResponse<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
