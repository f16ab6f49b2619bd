// Two areas defining the same API method must stop the start, not silently replace one another.
import { describe, expect, it } from 'vitest';
import { API } from '../../shared/api';
import { mergeAreas } from '../../shared/api/merge';
import { HANDLERS } from '../../electron/api/handlers';

describe('mergeAreas', () => {
  it('joins areas and keeps every method', () => {
    const merged = mergeAreas({ 'a.one': 1 }, { 'b.two': 2, 'b.three': 3 });
    expect(merged).toEqual({ 'a.one': 1, 'b.two': 2, 'b.three': 3 });
  });

  it('throws naming the method two areas define', () => {
    expect(() => mergeAreas({ 'orgs.list': 1 }, { 'members.list': 2 }, { 'orgs.list': 3 })).toThrow('API method "orgs.list" is defined by two areas');
  });

  it('the real contract and handlers load, one handler per method', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(API).sort());
  });
});
