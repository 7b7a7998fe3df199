import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normaliseOrganisationNumber, passesLuhn } from './organisation-number.ts';

describe('organisationsnummer', () => {
  test('real numbers pass and are written NNNNNN-NNNN', () => {
    expect(normaliseOrganisationNumber('232100-0214')).toBe('232100-0214'); // Region Jämtland Härjedalen
    expect(normaliseOrganisationNumber('2021002114')).toBe('202100-2114'); // another valid check digit
    expect(normaliseOrganisationNumber(' 232100 0214 ')).toBe('232100-0214');
  });

  test('wrong check digit, wrong length and letters are refused', () => {
    for (const bad of ['232100-0215', '23210-0214', '232100-02140', 'ABCDEF-GHIJ', '', '2321000214; DROP']) {
      expect(normaliseOrganisationNumber(bad), bad).toBeNull();
    }
  });

  test('changing any single digit breaks the check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '2321000214'.split('').map(Number);
        digits[position] = ((digits[position] ?? 0) + delta) % 10;
        expect(passesLuhn(digits.join(''))).toBe(false);
      }),
    );
  });
});
