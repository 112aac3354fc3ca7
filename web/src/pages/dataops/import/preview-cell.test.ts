import { describe, expect, it } from 'vitest';
import { previewCell } from './preview-cell.ts';

describe('previewCell', () => {
  it('shows a Thai phone the way the lists do, however the file wrote it', () => {
    expect(previewCell('+66 89 123 4567', 'phone')).toBe('089-123-4567');
    expect(previewCell('+66891234567', 'phone')).toBe('089-123-4567');
    expect(previewCell('0891234567', 'phone')).toBe('089-123-4567');
    expect(previewCell('02-123-4567', 'phone')).toBe('02-123-4567');
    expect(previewCell('(02) 123 4567', 'phone')).toBe('02-123-4567');
  });

  it('leaves a number that is not Thai, an invalid one and other fields as written', () => {
    expect(previewCell('+1 415 555 0123', 'phone')).toBe('+1 415 555 0123');
    expect(previewCell('12345', 'phone')).toBe('12345');
    expect(previewCell('', 'phone')).toBe('');
    expect(previewCell('0891234567', 'notes')).toBe('0891234567');
    expect(previewCell('0891234567', undefined)).toBe('0891234567');
  });
});
