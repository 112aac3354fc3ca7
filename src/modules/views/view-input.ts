import { z } from '@hono/zod-openapi';
import { CUSTOMER_SORTS } from '../customers/index.ts';
import type { savedViews } from './schema.ts';

/** Columns the customer list can show, in their default order. */
export const VIEW_COLUMNS = ['name', 'type', 'phone', 'email', 'lineId', 'owner', 'tags', 'createdAt'] as const;

/** Saved views per user: enough for real work, small enough to keep the menu usable. */
export const MAX_VIEWS_PER_USER = 100;

const filterKey = z.string().regex(/^(?:[a-zA-Z]{1,30}|cf\.[a-z][a-z0-9_]{0,49}(?:\.(?:gte|lte))?)$/, {
  message: 'a filter is a list parameter name such as tag, source or cf.<key>',
});
const filterValue = z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]);

/** The list's query parameters (q, tag, ownerId, source, cf.<key>, …) without paging or sort. */
export const savedFiltersSchema = z
  .record(filterKey, filterValue)
  .refine((v) => Object.keys(v).length <= 40, { message: 'at most 40 filters' })
  .openapi({ example: { source: 'import', tag: ['vip'], 'cf.member_level': 'gold' } });

const name = z.string().trim().min(1).max(80);

export const createViewSchema = z
  .object({
    name,
    filters: savedFiltersSchema.default({}),
    sort: z.enum(CUSTOMER_SORTS).default('created_desc'),
    columns: z.array(z.enum(VIEW_COLUMNS)).max(VIEW_COLUMNS.length).default([]),
    shared: z.boolean().default(false).openapi({ description: 'Seen by your team too.' }),
  })
  .strict()
  .openapi('CreateSavedView');
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z
  .object({
    name: name.optional(),
    filters: savedFiltersSchema.optional(),
    sort: z.enum(CUSTOMER_SORTS).optional(),
    columns: z.array(z.enum(VIEW_COLUMNS)).max(VIEW_COLUMNS.length).optional(),
    shared: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateSavedView');
export type UpdateViewInput = z.input<typeof updateViewSchema>;

export const savedViewSchema = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid(),
    teamId: z.uuid().nullable(),
    name: z.string(),
    filters: z.record(z.string(), filterValue),
    sort: z.enum(CUSTOMER_SORTS),
    columns: z.array(z.string()),
    shared: z.boolean(),
    mine: z.boolean().openapi({ description: 'You saved it.' }),
    editable: z.boolean().openapi({ description: 'You may rename, change or delete it.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SavedView');
export type SavedView = z.infer<typeof savedViewSchema>;

export type SavedViewRow = typeof savedViews.$inferSelect;
