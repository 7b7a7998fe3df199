import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareSwedish, swedishSortKey } from './text.ts';

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('swedishSortKey', () => {
  test('sorts å, ä, ö after z and folds case and accents', () => {
    const names = [
      'Östersund',
      'Åre',
      'Ägarföreningen',
      'Zeta',
      'alfa',
      'Berg',
      'Éclair',
      'Ångermanland',
      'Ödeshög',
      'Älvdalen',
    ];
    const byKey = [...names].sort((a, b) => byteCompare(swedishSortKey(a), swedishSortKey(b)));
    expect(byKey).toEqual([...names].sort(compareSwedish));
  });

  test('agrees with the Swedish collator on words of Swedish letters', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvxyzåäöABCÅÄÖé '.split(''));
    const word = fc
      .array(letter, { minLength: 1, maxLength: 8 })
      .map((l) => l.join('').trim())
      .filter((w) => w.length > 0);
    fc.assert(
      fc.property(word, word, (a, b) => {
        const collator = Math.sign(compareSwedish(a, b));
        const keys = Math.sign(byteCompare(swedishSortKey(a), swedishSortKey(b)));
        // The collator treats words that differ only in case/accent as equal; the key may order them.
        if (collator !== 0) expect(keys).toBe(collator);
      }),
      { numRuns: 2000 },
    );
  });
});
