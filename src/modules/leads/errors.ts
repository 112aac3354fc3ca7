import type { ErrorEntry } from '../../core/errors/catalog.ts';

/** Error codes of the leads module, registered at wiring time. */
export const leadErrors = {
  lead_owner_unknown: {
    status: 422,
    en: 'There is no active user {ownerId} to own the lead.',
    th: 'ไม่พบผู้ใช้ {ownerId} ที่จะเป็นเจ้าของลีด',
  },
  lead_owner_not_allowed: {
    status: 403,
    en: 'You may only own your leads yourself; a manager assigns leads to others.',
    th: 'คุณเป็นเจ้าของได้เฉพาะลีดของตัวเอง ผู้จัดการเท่านั้นที่มอบหมายลีดให้ผู้อื่นได้',
  },
  lead_disqualify_reason_required: {
    status: 422,
    en: 'Say why the lead is disqualified.',
    th: 'กรุณาระบุเหตุผลที่ตัดลีดนี้ออก',
  },
  lead_already_converted: {
    status: 409,
    en: 'This lead was already converted on {convertedAt}; it links to its customer.',
    th: 'ลีดนี้แปลงเป็นลูกค้าแล้วเมื่อ {convertedAt} และเชื่อมกับลูกค้ารายนั้นอยู่',
  },
  lead_disqualified: {
    status: 409,
    en: 'A disqualified lead cannot be converted; reopen it first.',
    th: 'ลีดที่ถูกตัดออกแล้วแปลงเป็นลูกค้าไม่ได้ กรุณาเปิดลีดอีกครั้งก่อน',
  },
  lead_converted_locked: {
    status: 409,
    en: 'A converted lead keeps its status; work on its customer and deal instead.',
    th: 'ลีดที่แปลงแล้วเปลี่ยนสถานะไม่ได้ กรุณาทำงานต่อที่ลูกค้าและดีลของลีดนี้',
  },
  lead_needs_contact: {
    status: 422,
    en: 'A lead needs a name, a company, an email, a phone or a LINE id.',
    th: 'ลีดต้องมีชื่อ บริษัท อีเมล เบอร์โทร หรือ LINE ID อย่างน้อยหนึ่งอย่าง',
  },
  lead_rules_manage_forbidden: {
    status: 403,
    en: 'Only managers and administrators change assignment rules, scoring rules, forms and the lead model.',
    th: 'เฉพาะผู้จัดการและผู้ดูแลระบบเท่านั้นที่แก้ไขกฎการมอบหมาย กฎการให้คะแนน ฟอร์ม และโมเดลลีดได้',
  },
  lead_rule_user_unknown: {
    status: 422,
    en: 'There is no active user {userId} to assign leads to.',
    th: 'ไม่พบผู้ใช้ {userId} ที่จะมอบหมายลีดให้',
  },
  lead_rule_needs_target: {
    status: 422,
    en: 'An assignment rule needs users or a team to assign to.',
    th: 'กฎการมอบหมายต้องระบุผู้ใช้หรือทีมที่จะรับลีด',
  },
  lead_rule_needs_match: {
    status: 422,
    en: 'A {kind} rule needs at least one {what}.',
    th: 'กฎแบบ {kind} ต้องระบุ{whatTh}อย่างน้อยหนึ่งรายการ',
  },
  lead_rule_team_unknown: {
    status: 422,
    en: 'There is no team {teamId}.',
    th: 'ไม่พบทีม {teamId}',
  },
  lead_form_unknown: {
    status: 404,
    en: 'This form is unknown or switched off.',
    th: 'ไม่พบฟอร์มนี้ หรือฟอร์มถูกปิดใช้งานแล้ว',
  },
  lead_model_too_few_outcomes: {
    status: 422,
    en: 'The learned score needs at least {need} won or lost leads with both outcomes present; there are {won} won and {lost} lost.',
    th: 'คะแนนจากการเรียนรู้ต้องมีลีดที่ปิดได้หรือไม่ได้อย่างน้อย {need} รายการ และต้องมีทั้งสองแบบ ตอนนี้มีปิดได้ {won} และไม่ได้ {lost}',
  },
  lead_model_no_rules: {
    status: 422,
    en: 'The learned score uses the scoring rules as its features; add scoring rules first.',
    th: 'คะแนนจากการเรียนรู้ใช้กฎการให้คะแนนเป็นตัวแปร กรุณาเพิ่มกฎการให้คะแนนก่อน',
  },
  lead_model_training_running: {
    status: 409,
    en: 'A model is already being trained ({status}); wait for it to finish.',
    th: 'กำลังฝึกโมเดลอยู่ ({status}) กรุณารอให้เสร็จก่อน',
  },
} satisfies Record<string, ErrorEntry>;
