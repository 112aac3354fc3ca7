import { describe, expect, it } from 'vitest';
import { customerFieldLabelTh, relabelThaiReason } from './field-labels.ts';
import { compileLeadRowMapper, leadReasonOf } from './lead-map-row.ts';
import { compileRowMapper } from './map-row.ts';
import { compileOrderRowMapper, reasonOf } from './order-map-row.ts';

/** A stored reason's two halves; the web splits on " / " (web/src/format/language-part.ts). */
function halves(reason: string): { en: string; th: string } {
  const parts = reason.split(' / ');
  expect(parts).toHaveLength(2);
  return { en: parts[0] as string, th: parts[1] as string };
}

describe('Thai rejection reasons name their field in Thai', () => {
  it('customers', () => {
    const headers = ['Name', 'Phone', 'Birthday', 'Points'];
    const map = compileRowMapper(
      { Name: 'displayName', Phone: 'phone', Birthday: 'birthday', Points: 'customFields.points' },
      headers,
      ',',
    );
    const result = map(2, ['สมชาย', '12', '31/02/2530', 'x'.repeat(1001)], false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { en, th } = halves(result.rejected.reason);
    expect(en).toMatch(/^phone: .*; birthday: no such date; customFields\.points: must be at most 1000 characters$/);
    expect(th).toMatch(/^เบอร์โทร: .+; วันเกิด: ไม่มีวันที่นี้ในปฏิทิน; ช่องข้อมูลเพิ่มเติม points: ต้องยาวไม่เกิน/);
    expect(th).not.toMatch(/phone|birthday|customFields/);
  });

  it('orders', () => {
    const headers = ['Phone', 'Date', 'Amount'];
    const map = compileOrderRowMapper({ Phone: 'phone', Date: 'orderedAt', Amount: 'amount' }, headers, ',', {
      timeZone: 'Asia/Bangkok',
      externalSystem: 'import',
    });
    const bad = halves(reasonOf(map(2, ['12', '2026-01-05', 'ten'], false).errors));
    expect(bad.en).toMatch(/^phone: .*; amount: "ten" is not an amount/);
    expect(bad.th).toMatch(/^เบอร์โทรลูกค้า: .+; ยอดเงิน: /);
    const missing = halves(reasonOf(map(3, ['', '', ''], false).errors));
    expect(missing.en).toBe('customer: no customer id, email or phone; orderedAt: missing; amount: missing');
    expect(missing.th).toBe('ลูกค้า: ไม่มีรหัสลูกค้า อีเมล หรือเบอร์โทร; วันที่สั่งซื้อ: ไม่ได้ระบุ; ยอดเงิน: ไม่ได้ระบุ');
  });

  it('leads', () => {
    const headers = ['Name', 'Phone', 'Status'];
    const map = compileLeadRowMapper({ Name: 'name', Phone: 'phone', Status: 'status' }, headers, ',');
    const { en, th } = halves(leadReasonOf(map(2, ['สมศรี', '12', 'maybe'], false).errors));
    expect(en).toContain('status: must be new, contacted, qualified or disqualified');
    expect(en).toMatch(/phone: /);
    expect(th).toContain('สถานะ: ต้องเป็น ใหม่');
    expect(th).toMatch(/เบอร์โทร: เบอร์โทรไม่ถูกต้อง/);
    expect(th).not.toMatch(/status|phone/);
  });
});

describe('labels', () => {
  it('names custom fields and external ids, and leaves unknown fields and unlabelled text alone', () => {
    expect(customerFieldLabelTh('external:shopee')).toBe('รหัสจากระบบ shopee');
    expect(customerFieldLabelTh('toString')).toBe('toString');
    expect(relabelThaiReason('ไม่มีชื่อ', customerFieldLabelTh)).toBe('ไม่มีชื่อ');
    expect(relabelThaiReason('email: อีเมลไม่ถูกต้อง', customerFieldLabelTh)).toBe('อีเมล: อีเมลไม่ถูกต้อง');
  });
});
