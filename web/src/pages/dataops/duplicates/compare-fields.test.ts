import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../queries/dataops-api.ts';
import { choiceValue, comparedFields, defaultChoices } from './compare-fields.ts';

const a: CustomerRecord = {
  id: 'a',
  displayName: 'สมชาย ใจดี',
  phone: '+66812345678',
  email: null,
  district: 'วัฒนา',
  province: 'กรุงเทพมหานคร',
  postcode: '10110',
};
const b: CustomerRecord = {
  id: 'b',
  displayName: 'สมชาย ใจดี',
  phone: '+66897778888',
  email: 'somchai.j@example.net',
  district: 'วัฒนา',
  province: 'กรุงเทพมหานคร',
  postcode: '10110',
};

describe('merge compare', () => {
  it('lists only fields someone has, and says which differ; an address is one choice', () => {
    const fields = comparedFields([a, b]);
    expect(fields).toEqual([
      { field: 'displayName', differs: false },
      { field: 'email', differs: true },
      { field: 'phone', differs: true },
      { field: 'address', differs: false },
    ]);
    expect(choiceValue(a, 'address')).toBe('วัฒนา, กรุงเทพมหานคร, 10110');
  });

  it("defaults to the survivor's value, else the first profile that has one", () => {
    expect(defaultChoices([a, b], 'a')).toEqual({ displayName: 'a', email: 'b', phone: 'a', address: 'a' });
    expect(defaultChoices([a, b], 'b')).toEqual({ displayName: 'b', email: 'b', phone: 'b', address: 'b' });
  });

  it('shows the owner by name when the record has it', () => {
    expect(choiceValue({ id: 'c', displayName: 'x', ownerId: 'u1', ownerName: 'Malee' }, 'owner')).toBe('Malee');
    expect(choiceValue({ id: 'c', displayName: 'x', ownerId: 'u1' }, 'owner')).toBe('u1');
  });
});
