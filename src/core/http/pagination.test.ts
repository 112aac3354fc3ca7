import { describe, expect, it } from 'vitest';
import { diffFields } from '../audit/record-audit.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

describe('cursors', () => {
  it('round-trip sort keys and reject tampered or wrong-shaped cursors', () => {
    const c = encodeCursor(['2026-11-23T10:00:00.000Z', 'ลูกค้า']);
    expect(decodeCursor(c, 2)).toEqual(['2026-11-23T10:00:00.000Z', 'ลูกค้า']);
    expect(decodeCursor(undefined, 2)).toBeUndefined();
    for (const bad of ['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    }
  });

  it('toPage returns the cursor only when more rows exist', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({ items: [{ id: 1 }, { id: 2 }], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (r) => [r.id])).toEqual({ items: rows, nextCursor: null });
  });
});

describe('audit diff', () => {
  it('lists only changed fields, masks secrets, ignores updatedAt', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      diffFields(
        { name: 'สมชาย', role: 'sales', passwordHash: 'x', updatedAt: at, teamId: null },
        { name: 'สมชาย', role: 'manager', passwordHash: 'y', updatedAt: new Date(), teamId: undefined },
      ),
    ).toEqual({ role: { before: 'sales', after: 'manager' }, passwordHash: { before: '***', after: '***' } });
    expect(diffFields(null, { when: at })).toEqual({ when: { before: null, after: '2026-01-01T00:00:00.000Z' } });
  });
});
