import { z } from '@hono/zod-openapi';
import { normalisePhone } from './thai-phone.ts';

/**
 * The kinds of identifier a profile holds, in the order identity resolution trusts them:
 * an id issued by a system we integrate with is the strongest evidence that two records
 * are one person; an email or phone typed by a person the weakest (shared family phones,
 * typos). Identity resolution tries them in this order and records the first that matched.
 */
export const IDENTIFIER_KINDS = ['external', 'line', 'facebook', 'pos', 'email', 'phone'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A normalised identifier: (kind, system, value) is unique across all profiles. */
export interface Identifier {
  kind: IdentifierKind;
  /** The source system of an external id (e.g. 'shopify'); '' for every other kind. */
  system: string;
  value: string;
}

export type IdentifierResult = { ok: true; identifier: Identifier } | { ok: false; reason: string; reasonTh: string };

const EMAIL = z.email();

/**
 * Normalises an identifier as received (form, import, API, message) so the same person
 * always yields the same value: email lower-cased, phone E.164 (default region TH, so
 * "081-234-5678" and "+66812345678" are one), ids trimmed.
 */
export function normaliseIdentifier(kind: IdentifierKind, raw: string, system = ''): IdentifierResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: `empty ${kind}`, reasonTh: `ไม่ได้ใส่ ${kind}` };
  switch (kind) {
    case 'email': {
      const email = text.toLowerCase();
      if (email.length > 254 || !EMAIL.safeParse(email).success) {
        return { ok: false, reason: 'not a valid email address', reasonTh: 'อีเมลไม่ถูกต้อง' };
      }
      return { ok: true, identifier: { kind, system: '', value: email } };
    }
    case 'phone': {
      const phone = normalisePhone(text);
      if (!phone.ok) return { ok: false, reason: phone.reason, reasonTh: phone.reasonTh };
      return { ok: true, identifier: { kind, system: '', value: phone.e164 } };
    }
    case 'line':
    case 'facebook':
    case 'pos': {
      if (text.length > 100) return { ok: false, reason: `${kind} id is too long`, reasonTh: `รหัส ${kind} ยาวเกินไป` };
      return { ok: true, identifier: { kind, system: '', value: text } };
    }
    case 'external': {
      const sys = system.trim().toLowerCase();
      if (!/^[a-z0-9_.-]{1,50}$/.test(sys)) {
        return {
          ok: false,
          reason: 'an external id needs its source system (a–z, 0–9, _ . -)',
          reasonTh: 'รหัสจากระบบภายนอกต้องระบุชื่อระบบ (a–z, 0–9, _ . -)',
        };
      }
      if (text.length > 200) return { ok: false, reason: 'external id is too long', reasonTh: 'รหัสภายนอกยาวเกินไป' };
      return { ok: true, identifier: { kind, system: sys, value: text } };
    }
  }
}

/** A stable string key for an identifier, for maps and sets. */
export function identifierKey(id: Identifier): string {
  return `${id.kind}\u0000${id.system}\u0000${id.value}`;
}

/** The rule name recorded when a profile was matched by this identifier, e.g. "phone". */
export function matchRule(id: Identifier): string {
  return id.kind === 'external' ? `external:${id.system}` : id.kind;
}
