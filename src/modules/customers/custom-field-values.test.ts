import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { FieldError } from '../../core/http/problem.ts';
import { checkCustomFields } from './custom-field-values.ts';
import { customFieldDefinitions } from './schema.ts';

let testDb: TestDatabase;
let db: Db;

const colours = [
  { value: 'red', th: 'แดง', en: 'Red' },
  { value: 'blue', th: 'น้ำเงิน', en: 'Blue' },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await db.insert(customFieldDefinitions).values([
    { key: 'note', labelTh: 'บันทึก', labelEn: 'Note', type: 'text' },
    { key: 'budget', labelTh: 'งบประมาณ', labelEn: 'Budget', type: 'number', appliesTo: 'company' },
    { key: 'anniversary', labelTh: 'วันครบรอบ', labelEn: 'Anniversary', type: 'date', appliesTo: 'person' },
    { key: 'colour', labelTh: 'สี', labelEn: 'Colour', type: 'select', options: colours },
    { key: 'likes', labelTh: 'ชอบ', labelEn: 'Likes', type: 'multi_select', options: colours },
    { key: 'member_no', labelTh: 'เลขสมาชิก', labelEn: 'Member no.', type: 'text', required: true, appliesTo: 'person' },
    { key: 'old', labelTh: 'เก่า', labelEn: 'Old', type: 'text', archivedAt: new Date() },
  ]);
});
afterAll(() => testDb.cleanup());

async function fieldErrors(promise: Promise<unknown>): Promise<FieldError[]> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('validation_failed');
  return (err as AppError).details as FieldError[];
}

describe('checkCustomFields', () => {
  it('accepts valid values of each type, normalises them and merges over the previous ones', async () => {
    const result = await checkCustomFields(
      db,
      'person',
      { note: '  hello ', anniversary: '2024-02-29', colour: 'red', likes: ['red', 'blue', 'red'] },
      { member_no: 'M-1', old: 'kept' },
    );
    expect(result).toEqual({
      note: 'hello',
      anniversary: '2024-02-29',
      colour: 'red',
      likes: ['red', 'blue'],
      member_no: 'M-1',
      old: 'kept',
    });
  });

  it('null or an empty string removes a value', async () => {
    const result = await checkCustomFields(
      db,
      'person',
      { note: null, colour: '' },
      {
        note: 'x',
        colour: 'red',
        member_no: 'M-1',
      },
    );
    expect(result).toEqual({ member_no: 'M-1' });
  });

  it('reports every bad value per field in English and Thai', async () => {
    const errors = await fieldErrors(
      checkCustomFields(db, 'company', {
        note: 'x'.repeat(1001),
        budget: Number.POSITIVE_INFINITY,
        colour: 'green',
        likes: ['red', 'pink'],
        anniversary: '2024-01-01',
        old: 'archived',
        nope: 1,
      }),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'customFields.anniversary',
        'customFields.budget',
        'customFields.colour',
        'customFields.likes',
        'customFields.note',
        'customFields.nope',
        'customFields.old',
      ].sort(),
    );
    expect(byPath['customFields.note']?.message).toMatch(/1000/);
    expect(byPath['customFields.colour']?.th).toMatch(/red, blue/);
    for (const e of errors) expect(e.th).toBeTruthy();
  });

  it('refuses impossible dates and wrong JSON types', async () => {
    const errors = await fieldErrors(
      checkCustomFields(db, 'person', { anniversary: '2023-02-29', note: 5, colour: ['red'], member_no: 'M' }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['customFields.anniversary', 'customFields.colour', 'customFields.note'].sort(),
    );
  });

  it('requires required fields for their kind only, considering previous values', async () => {
    const errors = await fieldErrors(checkCustomFields(db, 'person', {}));
    expect(errors).toEqual([
      { path: 'customFields.member_no', message: 'is required (Member no.)', th: 'จำเป็นต้องกรอก (เลขสมาชิก)' },
    ]);
    await expect(checkCustomFields(db, 'person', {}, { member_no: 'M-2' })).resolves.toEqual({ member_no: 'M-2' });
    await expect(checkCustomFields(db, 'company', { budget: 1500.5 })).resolves.toEqual({ budget: 1500.5 });
    const removed = await fieldErrors(checkCustomFields(db, 'person', { member_no: null }, { member_no: 'M-2' }));
    expect(removed.map((e) => e.path)).toEqual(['customFields.member_no']);
  });
});
