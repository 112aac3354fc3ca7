import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { hitThrottle } from '../../core/auth/login-throttle.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { sha256 } from '../../core/auth/secret-tokens.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { createLead } from './create-lead.ts';
import { createLeadSchema } from './lead-input.ts';
import { leadForms } from './schema.ts';

/** Submissions per form and address per minute; past it the caller gets 429 rate_limited. */
export const FORM_LIMIT_PER_MINUTE = 20;

export const formSubmissionSchema = createLeadSchema
  .omit({ ownerId: true, source: true, notes: true, sourceDetail: true })
  .extend({
    message: z.string().trim().max(4000).optional(),
    page: z.string().trim().max(500).optional().openapi({ description: 'The page the form was on.' }),
  })
  .strict()
  .openapi('LeadFormSubmission');
export type FormSubmission = z.input<typeof formSubmissionSchema>;

/**
 * A public web-form post: the key in the URL is the only credential (stored hashed); a
 * wrong or switched-off key is 404, a flood from one address 429. The lead gets source
 * 'form', the form's name as detail, a form_fill event, and an owner from the rules.
 */
export async function captureFormLead(
  db: Db,
  key: string,
  raw: FormSubmission,
  from: { ip?: string | undefined; requestId?: string | undefined },
): Promise<{ id: string }> {
  const [form] = await db
    .select()
    .from(leadForms)
    .where(and(eq(leadForms.keyHash, sha256(key)), eq(leadForms.active, true)));
  if (!form) throw new AppError('lead_form_unknown');
  await hitThrottle(db, `lead-form:${form.id}:${from.ip ?? 'unknown'}`, FORM_LIMIT_PER_MINUTE, 60_000);
  const input = validateInput(formSubmissionSchema, raw);
  const { message, page, ...fields } = input;
  const actor: Actor = {
    principal: { type: 'system', userId: null, teamId: null, role: 'owner', label: `web form: ${form.name}` },
    source: 'api',
    ip: from.ip,
    requestId: from.requestId,
  };
  const lead = await createLead(
    db,
    actor,
    { ...fields, source: 'form', sourceDetail: form.name, ...(message ? { notes: message } : {}) },
    {
      formId: form.id,
      firstEvent: {
        kind: 'form_fill',
        properties: { form: form.name, ...(page ? { url: page } : {}), ...(message ? { text: message } : {}) },
      },
    },
  );
  return { id: lead.id };
}
