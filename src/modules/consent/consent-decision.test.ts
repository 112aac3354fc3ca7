import { describe, expect, it } from 'vitest';
import { type ConsentFact, decideContact } from './consent-decision.ts';

const t0 = new Date('2026-01-01T00:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fact = (channel: string, status: string, minutes = 0, lawfulBasis = 'consent'): ConsentFact => ({
  channel,
  status,
  lawfulBasis,
  recordId: `${channel}-${status}-${minutes}`,
  at: later(minutes),
});

describe('decideContact: the decision table', () => {
  const cases: [string, string, string, ConsentFact[], boolean, string][] = [
    ['consent purpose, nothing on record', 'consent', 'email', [], false, 'no_consent'],
    ['granted on the channel', 'consent', 'email', [fact('email', 'granted')], true, 'consent_granted'],
    ['granted on another channel only', 'consent', 'sms', [fact('email', 'granted')], false, 'no_consent'],
    ['granted on any', 'consent', 'line', [fact('any', 'granted')], true, 'consent_granted'],
    [
      'grant then later withdrawal',
      'consent',
      'email',
      [fact('email', 'granted', 0), fact('email', 'withdrawn', 5)],
      false,
      'consent_withdrawn',
    ],
    [
      'withdrawal then later grant',
      'consent',
      'email',
      [fact('email', 'withdrawn', 0), fact('email', 'granted', 5)],
      true,
      'consent_granted',
    ],
    [
      'grant on any, later withdrawal on email: email',
      'consent',
      'email',
      [fact('any', 'granted', 0), fact('email', 'withdrawn', 5)],
      false,
      'consent_withdrawn',
    ],
    [
      'grant on any, later withdrawal on email: sms',
      'consent',
      'sms',
      [fact('any', 'granted', 0), fact('email', 'withdrawn', 5)],
      true,
      'consent_granted',
    ],
    [
      'grant on email, later withdrawal on any',
      'consent',
      'email',
      [fact('email', 'granted', 0), fact('any', 'withdrawn', 5)],
      false,
      'consent_withdrawn',
    ],
    ['denied', 'consent', 'phone', [fact('phone', 'denied')], false, 'consent_denied'],
    [
      'grant and withdrawal at the same moment: refusal wins',
      'consent',
      'email',
      [fact('email', 'granted', 1), fact('any', 'withdrawn', 1)],
      false,
      'consent_withdrawn',
    ],
    ['contract purpose, nothing on record', 'contract', 'email', [], true, 'lawful_basis'],
    [
      'contract purpose, objected on the channel',
      'contract',
      'sms',
      [fact('sms', 'withdrawn', 0, 'contract')],
      false,
      'objected',
    ],
    [
      'contract purpose, objected on another channel',
      'contract',
      'email',
      [fact('sms', 'withdrawn', 0, 'contract')],
      true,
      'lawful_basis',
    ],
    [
      'contract purpose, objected on any',
      'contract',
      'line',
      [fact('any', 'denied', 0, 'contract')],
      false,
      'objected',
    ],
  ];
  for (const [name, basis, channel, facts, allowed, reason] of cases) {
    it(`${name} → ${allowed ? 'yes' : 'no'} (${reason})`, () => {
      const d = decideContact(basis, channel as 'email', facts);
      expect(d.allowed).toBe(allowed);
      expect(d.reason).toBe(reason);
    });
  }

  it('names the deciding record and its basis', () => {
    const d = decideContact('consent', 'email', [fact('any', 'granted', 0), fact('email', 'granted', 3)]);
    expect(d).toEqual({ allowed: true, reason: 'consent_granted', basis: 'consent', recordId: 'email-granted-3' });
    expect(decideContact('contract', 'email', [])).toEqual({
      allowed: true,
      reason: 'lawful_basis',
      basis: 'contract',
    });
  });
});
