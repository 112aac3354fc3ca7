import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers to E.164 with libphonenumber-js (default region TH), with the reasons a
 * Thai user understands when a number is wrong.
 *
 * Thailand's plan, checked first for clear messages:
 * - mobile: 10 national digits, 06/08/09 + 8 digits      → +66 6/8/9 xxxxxxxx
 * - fixed line: 9 national digits, 02 (Bangkok) or 03/04/05/07 + area digit → +66 2…/3…/4…/5…/7…
 * then libphonenumber's metadata decides whether the range is in use.
 * Written forms people use: "081-234-5678", "0812345678", "+66 81 234 5678", "66812345678",
 * "+66 (0) 81 234 5678", "0066 81 234 5678", "02-123-4567", Thai digits "๐๘๑…".
 * Numbers of other countries are accepted only in international form (+<country> …).
 */

export type PhoneKind = 'mobile' | 'landline' | 'international';

/** On failure, `reason` is English and `reasonTh` the same in Thai. */
export type PhoneResult = { ok: true; e164: string; kind: PhoneKind } | { ok: false; reason: string; reasonTh: string };

function invalid(reason: string, reasonTh: string): PhoneResult {
  return { ok: false, reason, reasonTh };
}

const THAI_DIGIT_ZERO = 0x0e50; // ๐

/** Thai numerals (๐–๙) to ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/** Separators people put in phone numbers; anything else (letters, "ต่อ", "#") is refused. */
const SEPARATORS = /[\s\-.()/\u00a0]/g;

function thaiNational(national: string): PhoneResult {
  // national: the number with its leading trunk 0, digits only
  const isMobile = /^0[689]\d{8}$/.test(national);
  if (isMobile || /^0[2-57]\d{7}$/.test(national)) {
    const parsed = parsePhoneNumberFromString(national, 'TH');
    if (!parsed?.isValid()) {
      return invalid(
        `${national.slice(0, 3)}… is not a Thai number range in use; check the number`,
        `${national.slice(0, 3)}… ไม่ใช่หมายเลขที่ใช้งานในประเทศไทย กรุณาตรวจสอบเบอร์`,
      );
    }
    return { ok: true, e164: parsed.number, kind: isMobile ? 'mobile' : 'landline' };
  }
  if (/^0[689]\d*$/.test(national)) {
    return invalid(
      `a Thai mobile number has 10 digits (0X-XXXX-XXXX); this has ${national.length}`,
      `เบอร์มือถือไทยมี 10 หลัก (0X-XXXX-XXXX) แต่เบอร์นี้มี ${national.length} หลัก`,
    );
  }
  if (/^0[2-57]\d*$/.test(national)) {
    return invalid(
      `a Thai landline number has 9 digits (0X-XXX-XXXX); this has ${national.length}`,
      `เบอร์โทรศัพท์บ้านไทยมี 9 หลัก (0X-XXX-XXXX) แต่เบอร์นี้มี ${national.length} หลัก`,
    );
  }
  return invalid(
    'a Thai number starts with 02–05, 07 (landline) or 06, 08, 09 (mobile)',
    'เบอร์ไทยขึ้นต้นด้วย 02–05, 07 (โทรศัพท์บ้าน) หรือ 06, 08, 09 (มือถือ)',
  );
}

/** Normalises a phone number as typed to E.164, or says why it is not a valid number. */
export function normalisePhone(input: string): PhoneResult {
  const text = asciiDigits(input.trim());
  if (text === '') return invalid('empty phone number', 'ไม่ได้ใส่เบอร์โทร');
  const compact = text.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) {
    return invalid(
      'a phone number may hold only digits, spaces, dashes, dots, brackets and a leading +',
      'เบอร์โทรมีได้เฉพาะตัวเลข เว้นวรรค ขีด จุด วงเล็บ และ + นำหน้า',
    );
  }
  let international: string | undefined;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (compact.startsWith('66') && compact.length >= 10) international = compact;
  if (international === undefined) return thaiNational(compact);
  if (international.startsWith('66')) {
    let rest = international.slice(2);
    // "+66 (0) 81 …": the trunk 0 written after the country code
    if (rest.startsWith('0')) rest = rest.slice(1);
    return thaiNational(`0${rest}`);
  }
  if (!/^[1-9]\d{6,14}$/.test(international)) {
    return invalid(
      'an international number is + and 7–15 digits, not starting with 0',
      'เบอร์ต่างประเทศต้องเป็น + ตามด้วยตัวเลข 7–15 หลัก และไม่ขึ้นต้นด้วย 0',
    );
  }
  const parsed = parsePhoneNumberFromString(`+${international}`);
  if (!parsed?.isValid()) {
    return invalid(
      'not a valid number for its country code; check the digits after +',
      'ไม่ใช่เบอร์ที่ถูกต้องของรหัสประเทศนี้ กรุณาตรวจสอบตัวเลขหลัง +',
    );
  }
  return { ok: true, e164: parsed.number, kind: 'international' };
}

/**
 * The digits of a search term in the form stored numbers contain, so "081-234", "+66 81 234"
 * and "๐๘๑๒๓๔" all find +6681234…. Undefined when the term is not phone-like.
 */
export function phoneSearchDigits(term: string): string | undefined {
  const text = asciiDigits(term.trim());
  if (!/^\+?[\d\s\-.()]+$/.test(text)) return undefined;
  let digits = text.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  if (digits.startsWith('0') && !digits.startsWith('00')) digits = `66${digits.slice(1)}`;
  else if (digits.startsWith('00')) digits = digits.slice(2);
  return digits;
}
