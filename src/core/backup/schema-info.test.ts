import { describe, expect, it } from 'vitest';
import { dependencyOrder, keysToSuspend } from './schema-info.ts';

const fk = (child: string, parent: string, name = `${child}_${parent}_fk`) => ({ child, parent, name });

describe('dependencyOrder', () => {
  it('puts referenced tables first, ties by name', () => {
    const { order, broken } = dependencyOrder(
      ['customers', 'users', 'teams', 'api_tokens', 'audit_log'],
      [fk('customers', 'users'), fk('customers', 'teams'), fk('users', 'teams'), fk('api_tokens', 'users')],
    );
    expect(order).toEqual(['audit_log', 'teams', 'users', 'api_tokens', 'customers']);
    expect(broken).toEqual([]);
  });

  it('reports self-references and cycles instead of failing', () => {
    const { order, broken } = dependencyOrder(
      ['a', 'b', 'c', 'people'],
      [fk('people', 'people'), fk('a', 'b'), fk('b', 'a'), fk('c', 'a')],
    );
    expect(order).toEqual(['people', 'a', 'b', 'c']);
    expect(broken.map((k) => k.name).sort()).toEqual(['a_b_fk', 'people_people_fk']);
  });

  it('ignores keys to tables outside the set', () => {
    expect(dependencyOrder(['a'], [fk('a', 'elsewhere')]).order).toEqual(['a']);
  });
});

describe('keysToSuspend', () => {
  it('suspends only keys whose child comes before or with its parent in the file', () => {
    const keys = [fk('users', 'teams'), fk('teams', 'users'), fk('people', 'people'), fk('x', 'not_loaded')];
    expect(keysToSuspend(['teams', 'users', 'people', 'x'], keys).map((k) => k.name)).toEqual([
      'teams_users_fk',
      'people_people_fk',
    ]);
  });
});
