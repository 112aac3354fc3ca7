import { describe, expect, it } from 'vitest';
import { createCustomerSchema } from '../customers/customer-input.ts';
import { normalisePhone } from '../customers/thai-phone.ts';
import { DEMO_STAFF, TEAM_CHIANG_MAI } from './demo-business.ts';
import { type DemoCustomer, generateDemo } from './generate-demo.ts';
import { COMPANIES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './thai-names.ts';
import { THAI_PLACES } from './thai-places.ts';

const now = new Date('2025-06-01T00:00:00Z');
const THREE_YEARS = 3 * 365 * 24 * 3600 * 1000;

describe('generateDemo', () => {
  it('gives identical output for the same seed, and different output for another seed', () => {
    const a = generateDemo({ seed: 42, customers: 300, now });
    const b = generateDemo({ seed: 42, customers: 300, now });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDemo({ seed: 43, customers: 300, now });
    expect(c.customers.map((x) => x.phone)).not.toEqual(a.customers.map((x) => x.phone));
    const differing = c.customers.filter((x, i) => x.displayName !== a.customers[i]?.displayName).length;
    expect(differing).toBeGreaterThan(200);
    // a longer run starts with the shorter one: size does not reshuffle the customers
    expect(generateDemo({ seed: 42, customers: 50, now }).customers).toEqual(a.customers.slice(0, 50));
  });

  it('makes exactly the requested number of customers, including none', () => {
    expect(generateDemo({ seed: 1, customers: 0, now }).customers).toEqual([]);
    expect(generateDemo({ seed: 1, customers: 1234, now }).customers).toHaveLength(1234);
  });

  const { customers, staff, teams } = generateDemo({ seed: 7, customers: 2000, now });

  it('gives every customer a unique, valid Thai mobile number in E.164', () => {
    expect(new Set(customers.map((c) => c.phone)).size).toBe(customers.length);
    for (const c of customers)
      expect(normalisePhone(c.phone), c.phone).toEqual({ ok: true, e164: c.phone, kind: 'mobile' });
  });

  it('passes the real customer validation unchanged', () => {
    for (const c of customers) {
      const { ownerEmail: _o, createdAt: _c, ...input } = c;
      const parsed = createCustomerSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data).toMatchObject({ ...input, tags: [...new Set(input.tags)] });
    }
  });

  it('uses real Thai names with their RTGS romanisation, and real company names', () => {
    const firstNames = new Map([...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES]);
    const surnames = new Map(SURNAMES);
    for (const c of customers) {
      if (c.kind === 'company') {
        expect(COMPANIES.map(([name]) => name)).toContain(c.displayName);
        continue;
      }
      expect(firstNames.get(c.firstName ?? ''), c.displayName).toBe(c.firstNameEn);
      expect(surnames.get(c.lastName ?? ''), c.displayName).toBe(c.lastNameEn);
      expect(c.displayName).toBe(`${c.firstName} ${c.lastName}`);
      expect(c.firstName).toMatch(/^[\u0E00-\u0E7F]+$/);
      expect(c.firstNameEn).toMatch(/^[A-Z][a-z]+$/);
    }
    const kinds = customers.filter((c) => c.kind === 'company').length;
    expect(kinds).toBeGreaterThan(20);
    expect(kinds).toBeLessThan(200);
  });

  it('places customers in real districts with their postcodes, mostly Bangkok and Chiang Mai', () => {
    const triples = new Set(THAI_PLACES.map((p) => `${p.province}|${p.district}|${p.postcode}`));
    const located = customers.filter((c) => c.province);
    for (const c of located) expect(triples.has(`${c.province}|${c.district}|${c.postcode}`)).toBe(true);
    expect(located.length / customers.length).toBeGreaterThan(0.8);
    const provinces = new Set(located.map((c) => c.province));
    expect(provinces.size).toBeGreaterThan(20);
    const bangkok = located.filter((c) => c.province === 'กรุงเทพมหานคร').length;
    expect(bangkok / located.length).toBeGreaterThan(0.35);
    expect(located.some((c) => c.province === 'เชียงใหม่')).toBe(true);
  });

  it('assigns every customer to a sales person, northern customers to the Chiang Mai team', () => {
    const sales = new Map(DEMO_STAFF.filter((s) => s.role === 'sales').map((s) => [s.email, s]));
    const northern = new Set(THAI_PLACES.filter((p) => p.region === 'north').map((p) => p.province));
    for (const c of customers) {
      const owner = sales.get(c.ownerEmail);
      expect(owner, c.ownerEmail).toBeDefined();
      expect(owner?.team === TEAM_CHIANG_MAI).toBe(northern.has(c.province ?? ''));
    }
    expect(new Set(customers.map((c) => c.ownerEmail)).size).toBe(sales.size);
  });

  it('spreads sign-ups over the last three years, more of them recently', () => {
    const ages = customers.map((c) => now.getTime() - c.createdAt.getTime());
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(THREE_YEARS);
    const lastYear = ages.filter((a) => a < THREE_YEARS / 3).length;
    const firstYear = ages.filter((a) => a >= (2 * THREE_YEARS) / 3).length;
    expect(lastYear).toBeGreaterThan(firstYear * 2);
  });

  it('varies the details like a real customer base', () => {
    const share = (pick: (c: DemoCustomer) => unknown) => customers.filter((c) => pick(c)).length / customers.length;
    expect(share((c) => c.email)).toBeGreaterThan(0.4);
    expect(share((c) => c.email)).toBeLessThan(0.9);
    expect(share((c) => c.lineId)).toBeGreaterThan(0.5);
    expect(share((c) => c.nickname)).toBeGreaterThan(0.6);
    expect(share((c) => c.tags.includes('VIP'))).toBeGreaterThan(0);
    expect(new Set(customers.map((c) => c.source))).toEqual(
      new Set(['walk_in', 'line_oa', 'facebook', 'website', 'referral', 'phone']),
    );
    for (const c of customers) if (c.lineId) expect(c.lineId.length).toBeLessThanOrEqual(20);
  });

  it('has one staff user per role besides the owner, on demo emails, and the teams they belong to', () => {
    expect(new Set(staff.map((s) => s.role))).toEqual(new Set(['manager', 'sales', 'service', 'marketing', 'viewer']));
    expect(staff.some((s) => s.role === 'owner' || s.role === 'admin')).toBe(false);
    for (const s of staff) {
      expect(s.email).toMatch(/^[a-z]+\.[a-z]@demo\.sampan\.local$/);
      if (s.team) expect(teams).toContain(s.team);
    }
    expect(teams).toEqual(expect.arrayContaining(['ทีมขายกรุงเทพ', 'ทีมขายเชียงใหม่', 'ฝ่ายบริการลูกค้า']));
  });
});
