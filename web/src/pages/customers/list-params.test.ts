import { describe, expect, it } from 'vitest';
import { filterValues, flatFilters, paramsFromState, sameFilters, stateFromParams } from './list-params.ts';

describe('customer list parameters', () => {
  it('reads links from the data-quality pages', () => {
    expect(stateFromParams(new URLSearchParams('source=import')).filters).toEqual({ source: 'import' });
    expect(stateFromParams(new URLSearchParams('ownerId=none'))).toEqual({
      q: '',
      sort: 'created_desc',
      filters: { ownerId: 'none' },
      viewId: null,
    });
  });

  it('reads the dashboard’s links to an RFM cell and a segment', () => {
    const cell = stateFromParams(new URLSearchParams('rfmR=2&rfmF=4'));
    expect(cell.filters).toEqual({ rfmR: '2', rfmF: '4' });
    expect(filterValues(cell.filters)).toEqual({ rfmR: '2', rfmF: '4' });
    expect(paramsFromState(cell).toString()).toBe('rfmR=2&rfmF=4');
    expect(filterValues(stateFromParams(new URLSearchParams('rfmSegment=at_risk')).filters)).toEqual({
      rfmSegment: 'at_risk',
    });
  });

  it('round-trips tags, consent, custom fields, search, sort and view', () => {
    const params = new URLSearchParams(
      'view=v1&q=%E0%B8%AA%E0%B8%A1&sort=name_asc&tag=vip&tag=b2b&consent=marketing:email:granted&cf.member_level=gold',
    );
    const state = stateFromParams(params);
    expect(state).toMatchObject({
      q: 'สม',
      sort: 'name_asc',
      viewId: 'v1',
      filters: { tag: ['vip', 'b2b'], consent: ['marketing:email:granted'], 'cf.member_level': 'gold' },
    });
    expect(paramsFromState(state).toString()).toBe(params.toString());
  });

  it('turns flat filters into the pickers’ values and back', () => {
    const flat = { tag: ['vip'], ownerId: 'me', consent: 'marketing:email:granted', 'cf.level': 'gold' };
    const values = filterValues(flat);
    expect(values).toEqual({
      ownerId: 'me',
      tag: ['vip'],
      consentPurpose: 'marketing',
      consentChannel: 'email',
      consentStatus: 'granted',
      customFields: { level: 'gold' },
    });
    expect(sameFilters(flatFilters(values), flat)).toBe(true);
    expect(flatFilters({ tag: [], province: '' })).toEqual({});
  });

  it('ignores an unknown sort', () => {
    expect(stateFromParams(new URLSearchParams('sort=random')).sort).toBe('created_desc');
  });
});
