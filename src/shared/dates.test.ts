import { expect, test } from 'vitest';
import { todayInSweden } from './dates.ts';

test('the Swedish date, not the UTC one', () => {
  // 23:30 UTC on 31 December is 00:30 on 1 January in Sweden (winter time, UTC+1).
  expect(todayInSweden(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  // 21:30 UTC in June is 23:30 in Sweden (summer time, UTC+2): still the same day.
  expect(todayInSweden(new Date('2026-06-15T21:30:00Z'))).toBe('2026-06-15');
});
