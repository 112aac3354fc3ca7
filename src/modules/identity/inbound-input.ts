import { z } from '@hono/zod-openapi';
import {
  IDENTIFIER_KINDS,
  type Identifier,
  identifierKey,
  normaliseIdentifier,
  type UpdateCustomerInput,
  updateCustomerSchema,
  validateInput,
} from '../customers/index.ts';

export const INBOUND_CHANNELS = ['api', 'import', 'form', 'message'] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];
export const ON_MATCH = ['update', 'skip'] as const;
export const MAX_IDENTIFIERS = 20;

const identifierSchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS),
    value: z.string().max(500).openapi({ example: '081-234-5678' }),
    system: z
      .string()
      .max(50)
      .optional()
      .openapi({ description: 'The source system of an external id (e.g. shopify); only for kind external.' }),
  })
  .strict()
  .superRefine((id, ctx) => {
    // The one normaliser decides; its reason becomes the field error (identifiers.N.value).
    const result = normaliseIdentifier(id.kind, id.value, id.system ?? '');
    if (result.ok) return;
    const systemWrong = id.kind === 'external' && !normaliseIdentifier('external', 'x', id.system ?? '').ok;
    ctx.addIssue({
      code: 'custom',
      path: [systemWrong ? 'system' : 'value'],
      message: result.reason,
      params: { th: result.reasonTh },
    });
  });

export const inboundSchema = z
  .object({
    identifiers: z
      .array(identifierSchema)
      .min(1)
      .max(MAX_IDENTIFIERS)
      .openapi({ description: 'As received; normalised here (email lower-case, phone E.164, ids trimmed).' }),
    profile: updateCustomerSchema
      .optional()
      .openapi({ description: 'Customer fields; on a match they fill in or overwrite the profile (onMatch update).' }),
    channel: z.enum(INBOUND_CHANNELS).default('api'),
    onMatch: z.enum(ON_MATCH).default('update').openapi({
      description: 'update (default): apply the profile fields and add new identifiers; skip: change nothing.',
    }),
  })
  .strict()
  .openapi('CustomerUpsert');
export type InboundRecord = z.input<typeof inboundSchema>;

/** An inbound record after validation: identifiers normalised, de-duplicated, in trust order. */
export interface NormalisedInbound {
  identifiers: Identifier[];
  /** The profile fields exactly as sent (the customers use cases validate and normalise them). */
  profile: UpdateCustomerInput;
  /** The identifiers that came from the profile's email, phone and lineId fields. */
  contacts: Partial<Record<'email' | 'phone' | 'lineId', Identifier>>;
  channel: InboundChannel;
  onMatch: (typeof ON_MATCH)[number];
}

const TRUST = new Map<string, number>(IDENTIFIER_KINDS.map((k, i) => [k, i]));

/**
 * Validates an inbound record (per-field errors such as identifiers.2.value, nothing
 * written) and lists its identifiers: those given plus the profile's email, phone and
 * LINE id, each once, ordered by IDENTIFIER_KINDS (then as given).
 */
export function normaliseInbound(raw: InboundRecord): NormalisedInbound {
  const input = validateInput(inboundSchema, raw);
  const found: Identifier[] = [];
  for (const id of input.identifiers) {
    const r = normaliseIdentifier(id.kind, id.value, id.system ?? '');
    if (r.ok) found.push(r.identifier);
  }
  const p = input.profile ?? {};
  const columns = [
    ['email', 'email', p.email],
    ['phone', 'phone', p.phone],
    ['line', 'lineId', p.lineId],
  ] as const;
  const contacts: NormalisedInbound['contacts'] = {};
  for (const [kind, column, value] of columns) {
    if (!value) continue;
    const r = normaliseIdentifier(kind, value);
    if (!r.ok) continue;
    found.push(r.identifier);
    contacts[column] = r.identifier;
  }
  const seen = new Set<string>();
  const identifiers = found.filter((id) => {
    const key = identifierKey(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  identifiers.sort((a, b) => (TRUST.get(a.kind) ?? 99) - (TRUST.get(b.kind) ?? 99));
  return {
    identifiers,
    profile: (raw.profile ?? {}) as UpdateCustomerInput,
    contacts,
    channel: input.channel,
    onMatch: input.onMatch,
  };
}
