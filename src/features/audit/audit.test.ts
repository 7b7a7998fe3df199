import { describe, expect, test } from 'vitest';
import { changedFields } from './audit.ts';

describe('changedFields', () => {
  test('lists only fields that differ, with before and after', () => {
    expect(
      changedFields({ name: 'A', website: null, kind: 'x' }, { name: 'B', website: null, kind: 'x' }),
    ).toEqual({
      name: { before: 'A', after: 'B' },
    });
  });

  test('a create has every field with before null; a delete every field with after null', () => {
    expect(changedFields(null, { name: 'A', n: 1 })).toEqual({
      name: { before: null, after: 'A' },
      n: { before: null, after: 1 },
    });
    expect(changedFields({ name: 'A' }, null)).toEqual({ name: { before: 'A', after: null } });
  });

  test('bookkeeping fields are left out; dates compare by value; undefined counts as null', () => {
    const d = '2026-11-26T10:00:00.000Z';
    expect(
      changedFields(
        { version: 1, updatedAt: 'x', at: new Date(d), note: undefined },
        { version: 2, updatedAt: 'y', at: new Date(d), note: null },
      ),
    ).toEqual({});
  });

  test('nested values compare by content', () => {
    expect(changedFields({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual({});
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({
      tags: { before: ['a'], after: ['a', 'b'] },
    });
  });
});
