/**
 * True when a 13-digit Thai tax id (or national id) has the right check digit: the first
 * twelve digits weighted 13…2, summed, and (11 − sum mod 11) mod 10 is the last digit.
 * (customers/profile-fields.ts has the same check; core may not import a module.)
 */
export function validThaiTaxId(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}
