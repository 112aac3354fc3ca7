import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/authorize.ts';
import { AppError } from '../errors/app-error.ts';
import { actorOf } from '../http/actor.ts';
import type { AppDeps } from '../http/app-env.ts';
import { errorResponses, jsonResponse, security } from '../http/openapi-common.ts';
import { newRouter } from '../http/router.ts';
import { backupNow, existingBackupPath, listBackupFiles } from './backup-dir.ts';
import { BACKUP_FILE_RE } from './format.ts';

const backupFileSchema = z
  .object({
    name: z.string().openapi({ example: 'sampan-20260315-0205.jsonl.gz' }),
    size: z.number().int().openapi({ description: 'Bytes (gzip-compressed)' }),
    createdAt: z.string().openapi({ description: 'When the file was written (ISO 8601)' }),
  })
  .openapi('BackupFile');

const madeBackupSchema = z
  .object({
    name: z.string(),
    size: z.number().int(),
    tables: z.number().int(),
    rows: z.number().int(),
    schemaVersion: z.number().int(),
    ms: z.number().int(),
  })
  .openapi('BackupMade');

const nameParamSchema = z.object({
  name: z
    .string()
    .regex(BACKUP_FILE_RE, 'a backup file name such as sampan-20260315-0205.jsonl.gz')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'sampan-20260315-0205.jsonl.gz' }),
});

/**
 * Backups in the server's backup folder (SAMPAN_BACKUP_DIR, default <data dir>-backups):
 * list, make one now, download one. Owners and admins only (permission "backups").
 */
export function backupRoutes(deps: AppDeps) {
  const { database, config } = deps;
  const r = newRouter();
  const common = { security, tags: ['Backups'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/backups',
      summary: 'List backup files, newest first',
      responses: {
        200: jsonResponse(z.object({ items: z.array(backupFileSchema) }), 'Backup files'),
        ...errorResponses,
      },
    }),
    async (c) => {
      authorize(actorOf(c).principal, 'backups', 'read');
      return c.json({ items: await listBackupFiles(config.backupDir) }, 200);
    },
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/backups',
      summary: 'Make a backup now (a consistent snapshot; the server keeps running)',
      responses: { 201: jsonResponse(madeBackupSchema, 'The backup made'), ...errorResponses },
    }),
    async (c) => {
      const actor = actorOf(c);
      authorize(actor.principal, 'backups', 'create');
      const made = await backupNow(database, config.backupDir, actor);
      return c.json(
        {
          name: made.name,
          size: made.bytes,
          tables: made.tables,
          rows: made.rows,
          schemaVersion: made.schemaVersion,
          ms: made.ms,
        },
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/backups/{name}',
      summary: 'Download a backup file',
      request: { params: nameParamSchema },
      responses: {
        200: {
          description: 'The backup (gzip-compressed JSON lines)',
          content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      authorize(actor.principal, 'backups', 'export');
      const { name } = c.req.valid('param');
      const path = existingBackupPath(config.backupDir, name);
      const file = createReadStream(path);
      await new Promise<void>((resolve, reject) =>
        file.once('open', () => resolve()).once('error', () => reject(new AppError('not_found'))),
      );
      await recordAudit(database.db, actor, { entityType: 'backup', entityId: name, action: 'download' });
      return c.body(Readable.toWeb(file) as ReadableStream, 200, {
        'content-type': 'application/gzip',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  );
  return r;
}
