import type { DbOrTx } from '../../core/db/database.ts';
import { type ActivityInsert, recordActivities } from '../activities/index.ts';
import type { leadEvents, leads } from './schema.ts';

/** Words for a lead event on the customer's timeline ('system' entries show their subject as it is). */
export const LEAD_EVENT_WORDS: Record<string, { en: string; th: string }> = {
  form_fill: { en: 'Filled in a form', th: 'กรอกฟอร์ม' },
  email_open: { en: 'Opened an email', th: 'เปิดอีเมล' },
  email_click: { en: 'Clicked a link in an email', th: 'คลิกลิงก์ในอีเมล' },
  visit: { en: 'Visited the website', th: 'เข้าชมเว็บไซต์' },
  reply: { en: 'Replied', th: 'ตอบกลับ' },
  call: { en: 'Call', th: 'โทรศัพท์' },
  meeting: { en: 'Meeting', th: 'นัดพบ' },
  note: { en: 'Note', th: 'บันทึก' },
};

const TIMELINE_KIND: Record<string, 'note' | 'call' | 'meeting' | 'system'> = {
  note: 'note',
  call: 'call',
  meeting: 'meeting',
};

type EventRow = typeof leadEvents.$inferSelect;
type LeadRow = typeof leads.$inferSelect;

/** One lead event as a customer timeline entry, pointing back at the lead (ref lead/<id>). */
export function leadEventEntry(customerId: string, lead: LeadRow, e: EventRow): ActivityInsert {
  const words = LEAD_EVENT_WORDS[e.kind] ?? { en: e.kind, th: e.kind };
  const kind = TIMELINE_KIND[e.kind] ?? 'system';
  const text = typeof e.properties.text === 'string' ? e.properties.text : undefined;
  const url = typeof e.properties.url === 'string' ? e.properties.url : undefined;
  const detail = text ?? url;
  return {
    customerId,
    kind,
    occurredAt: e.occurredAt,
    subject: kind === 'system' ? `ลีด: ${words.th} · Lead: ${words.en}${detail ? ` — ${detail}` : ''}` : `Lead · ลีด`,
    body: kind === 'system' ? null : (detail ?? null),
    ...(kind === 'call' ? { direction: 'outbound' } : {}),
    refType: 'lead',
    refId: lead.id,
    data: { leadId: lead.id, leadEvent: e.kind, properties: e.properties },
    actorUserId: e.createdBy,
  };
}

/** The conversion itself, and every earlier lead event, written to the customer's timeline. */
export async function copyLeadHistory(
  tx: DbOrTx,
  customerId: string,
  lead: LeadRow,
  events: readonly EventRow[],
  actorUserId: string | null,
  at: Date,
): Promise<void> {
  const entries = events.map((e) => leadEventEntry(customerId, lead, e));
  if (lead.notes) {
    entries.push({
      customerId,
      kind: 'note',
      occurredAt: lead.createdAt,
      subject: 'Lead notes · บันทึกของลีด',
      body: lead.notes,
      refType: 'lead',
      refId: lead.id,
      data: { leadId: lead.id },
      actorUserId: lead.createdBy,
    });
  }
  entries.push({
    customerId,
    kind: 'system',
    occurredAt: at,
    subject: `แปลงจากลีด (${lead.source}, คะแนน ${lead.score}) · Converted from lead (${lead.source}, score ${lead.score})`,
    refType: 'lead',
    refId: lead.id,
    data: { leadId: lead.id, action: 'converted', score: lead.score, source: lead.source },
    actorUserId,
  });
  await recordActivities(tx, entries);
}
