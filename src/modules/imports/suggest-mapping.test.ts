import { describe, expect, it } from 'vitest';
import { aliasSuggester, foldHeader } from './suggest-mapping.ts';

const FIELDS = ['fullName', 'firstName', 'email', 'phone', 'postcode'] as const;
const suggest = aliasSuggester(FIELDS, {
  fullName: ['name', 'fullname', 'ชื่อนามสกุล'],
  firstName: ['name', 'firstname', 'ชื่อ'],
  email: ['email', 'emailaddress', 'อีเมล'],
  phone: ['phone', 'mobile', 'เบอร์โทร'],
  postcode: ['zip', 'รหัสไปรษณีย์'],
});

describe('foldHeader', () => {
  it('lower-cases and drops spaces, dots, underscores, dashes, slashes, parentheses, stars and colons', () => {
    expect(foldHeader(' E-Mail Address ')).toBe('emailaddress');
    expect(foldHeader('First_Name (required)*:')).toBe('firstnamerequired');
    expect(foldHeader('Tel./Mobile')).toBe('telmobile');
    expect(foldHeader('เบอร์ โทร')).toBe('เบอร์โทร');
  });

  it('composes decomposed characters (NFC) so they match the stored aliases', () => {
    expect(foldHeader('Cafe\u0301')).toBe('caf\u00e9');
  });
});

describe('aliasSuggester', () => {
  it('maps Thai headers', () => {
    expect(suggest(['ชื่อ', 'อีเมล', 'เบอร์โทร', 'รหัสไปรษณีย์'])).toEqual({
      ชื่อ: 'firstName',
      อีเมล: 'email',
      เบอร์โทร: 'phone',
      รหัสไปรษณีย์: 'postcode',
    });
  });

  it('maps English headers whatever their case, spaces and punctuation', () => {
    expect(suggest(['First Name', 'E-MAIL address', 'mobile.', '(Zip)*'])).toEqual({
      'First Name': 'firstName',
      'E-MAIL address': 'email',
      'mobile.': 'phone',
      '(Zip)*': 'postcode',
    });
  });

  it('falls back to the field whose own name the header is', () => {
    const bare = aliasSuggester(['lineId', 'email'] as const, { lineId: [], email: ['mail'] });
    expect(bare(['LINE ID', 'Email'])).toEqual({ 'LINE ID': 'lineId', Email: 'email' });
  });

  it('gives an alias held by two fields to the first field in field order', () => {
    expect(suggest(['Name'])).toEqual({ Name: 'fullName' });
  });

  it('suggests each field for one column at most: the first that names it', () => {
    expect(suggest(['Email', 'อีเมล', 'E-mail', 'Phone', 'Mobile'])).toEqual({ Email: 'email', Phone: 'phone' });
  });

  it('does not move a header whose field is taken to its other aliases', () => {
    // "name" belongs to fullName first; once that is used, a second "Name" is not given to firstName.
    expect(suggest(['Full name', 'Name'])).toEqual({ 'Full name': 'fullName' });
  });

  it('leaves unknown, empty and partly matching headers out', () => {
    expect(suggest(['unknown', '', 'Email 2', 'หมายเหตุ', 'phone', 'postcode extra'])).toEqual({ phone: 'phone' });
    expect(suggest([])).toEqual({});
  });
});
