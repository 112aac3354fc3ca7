import { z } from '@hono/zod-openapi';
import type { FieldError } from '../../core/http/problem.ts';
import { ACTIVITY_KINDS, CALL_OUTCOMES, DIRECTIONS, LOGGED_KINDS } from './activity-kinds.ts';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;
/** Clocks differ and a meeting may be logged in another time zone; more is a typo. */
export const FUTURE_LIMIT_MS = 24 * 60 * 60 * 1000;

function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();
}

const isoTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-23T09:30:00+07:00' });

const editable = {
  subject: text(SUBJECT_MAX).optional(),
  body: text(BODY_MAX).optional(),
  occurredAt: isoTime.optional().openapi({ description: 'When it happened; defaults to now; at most 1 day ahead.' }),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  direction: z.enum(DIRECTIONS).nullable().optional().openapi({ description: 'Calls only.' }),
  outcome: z.enum(CALL_OUTCOMES).nullable().optional().openapi({ description: 'Calls only.' }),
};

export const logActivitySchema = z
  .object({ kind: z.enum(LOGGED_KINDS), ...editable })
  .strict()
  .openapi('LogActivity');
export type LogActivityInput = z.input<typeof logActivitySchema>;

export const updateActivitySchema = z.object(editable).strict().openapi('UpdateActivity');
export type UpdateActivityInput = z.input<typeof updateActivitySchema>;

/** The fields of a logged entry after a create or an update, checked together. */
export interface LoggedFields {
  kind: string;
  subject: string | null;
  body: string | null;
  occurredAt: Date;
  durationMinutes: number | null;
  direction: string | null;
  outcome: string | null;
}

/**
 * Rules across fields (the same for create and update, where they apply to the merged
 * record): a note has a body; direction and outcome belong to calls, and a call has a
 * direction; duration to calls and meetings; nothing more than a day ahead.
 */
export function loggedFieldErrors(f: LoggedFields, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (f.kind === 'note' && !f.body) {
    errors.push({ path: 'body', message: 'a note needs some text', th: 'บันทึกต้องมีข้อความ' });
  }
  if (f.kind === 'meeting' && !f.subject && !f.body) {
    errors.push({
      path: 'subject',
      message: 'give the meeting a subject or notes',
      th: 'กรุณาใส่หัวข้อหรือรายละเอียดการนัดพบ',
    });
  }
  if (f.kind === 'call' && !f.direction) {
    errors.push({
      path: 'direction',
      message: 'say whether the call was inbound or outbound',
      th: 'กรุณาระบุว่าเป็นสายเข้าหรือโทรออก',
    });
  }
  if (f.kind !== 'call' && f.direction) {
    errors.push({ path: 'direction', message: 'only calls have a direction', th: 'ระบุทิศทางได้เฉพาะการโทร' });
  }
  if (f.kind !== 'call' && f.outcome) {
    errors.push({ path: 'outcome', message: 'only calls have an outcome', th: 'ระบุผลการติดต่อได้เฉพาะการโทร' });
  }
  if (f.kind === 'note' && f.durationMinutes !== null) {
    errors.push({ path: 'durationMinutes', message: 'a note has no duration', th: 'บันทึกไม่มีระยะเวลา' });
  }
  if (f.occurredAt.getTime() > now.getTime() + FUTURE_LIMIT_MS) {
    errors.push({
      path: 'occurredAt',
      message: 'cannot be more than 1 day in the future',
      th: 'ระบุเวลาล่วงหน้าได้ไม่เกิน 1 วัน',
    });
  }
  return errors;
}

const kindFilter = z.enum(ACTIVITY_KINDS);

export const timelineQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
    cursor: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: 'Opaque cursor from the previous page (nextCursor).' }),
    kind: z
      .union([kindFilter, z.array(kindFilter)])
      .optional()
      .openapi({ description: 'Only these kinds; repeat the parameter for several (?kind=note&kind=call).' }),
    from: isoTime.optional().openapi({ description: 'Entries at or after this time.' }),
    to: isoTime.optional().openapi({ description: 'Entries before this time.' }),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
        params: { th: 'ต้องอยู่หลังเวลาเริ่มต้น' },
      });
    }
  });
export type TimelineQuery = z.input<typeof timelineQuerySchema>;
