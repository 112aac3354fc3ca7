import { describe, expect, it } from 'vitest';
import { provinceKey, ruleMatches } from './assign-lead.ts';

describe('assignment rule matching', () => {
  it('treats จังหวัด/จ. prefixes, spaces and case as the same province', () => {
    expect(provinceKey('จังหวัดเชียงใหม่')).toBe('เชียงใหม่');
    expect(provinceKey('จ. เชียงใหม่')).toBe('เชียงใหม่');
    expect(provinceKey(' Chiang Mai ')).toBe(provinceKey('chiangmai'));
    expect(provinceKey(null)).toBe('');
  });

  it('territory matches listed provinces only, source its sources, round-robin everything', () => {
    const territory = { kind: 'territory', provinces: ['เชียงใหม่', 'ลำพูน'], sources: [] };
    expect(ruleMatches(territory, { province: 'จังหวัดลำพูน', source: 'form' })).toBe(true);
    expect(ruleMatches(territory, { province: 'ภูเก็ต', source: 'form' })).toBe(false);
    expect(ruleMatches(territory, { province: null, source: 'form' })).toBe(false);
    const source = { kind: 'source', provinces: [], sources: ['line', 'referral'] };
    expect(ruleMatches(source, { province: null, source: 'line' })).toBe(true);
    expect(ruleMatches(source, { province: null, source: 'form' })).toBe(false);
    expect(ruleMatches({ kind: 'round_robin', provinces: [], sources: [] }, { province: null, source: 'api' })).toBe(
      true,
    );
  });
});
