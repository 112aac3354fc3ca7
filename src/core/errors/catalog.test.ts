import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '../i18n/locale.ts';
import { errorEntry, errorMessage, hasErrorCode, registerErrors } from './catalog.ts';

describe('error catalogue', () => {
  it('fills parameters and translates module/action words for Thai', () => {
    expect(errorMessage('forbidden', { module: 'users', action: 'create' }, 'en')).toBe(
      'Your role does not allow create on users.',
    );
    expect(errorMessage('forbidden', { module: 'users', action: 'create' }, 'th')).toBe('บทบาทของคุณไม่มีสิทธิ์ สร้าง ใน ผู้ใช้');
    expect(errorMessage('payload_too_large', { limit: 1024 }, 'th')).toContain('1024');
  });

  it('unknown codes fall back to a 500 internal message; codes cannot be registered twice', () => {
    expect(errorEntry('no_such_code').status).toBe(500);
    registerErrors({ test_only_code: { status: 418, en: 'Tea', th: 'ชา' } });
    expect(hasErrorCode('test_only_code')).toBe(true);
    expect(() => registerErrors({ test_only_code: { status: 418, en: 'Tea', th: 'ชา' } })).toThrow(/twice/);
  });

  it('every entry has both languages and a 4xx/5xx status', () => {
    for (const code of ['internal', 'validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'rate_limited']) {
      const e = errorEntry(code);
      expect(e.en.length).toBeGreaterThan(0);
      expect(e.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(e.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('Accept-Language', () => {
  it('picks th or en by quality, ignoring other languages', () => {
    expect(localeFromAcceptLanguage('th-TH,th;q=0.9,en;q=0.8')).toBe('th');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,th;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,th;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('de')).toBeUndefined();
    expect(localeFromAcceptLanguage('th;q=0,en')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });
});
