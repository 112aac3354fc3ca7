import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it('shows Thai mobile and landline numbers the local way', () => {
    expect(formatPhone('+66812345678')).toBe('081-234-5678');
    expect(formatPhone('+6621234567')).toBe('02-123-4567');
  });

  it('leaves other numbers as stored, and marks a missing one', () => {
    expect(formatPhone('+14155550123')).toBe('+14155550123');
    expect(formatPhone(null)).toBe('—');
  });
});
