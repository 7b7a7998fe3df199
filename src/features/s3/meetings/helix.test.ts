import { expect, test } from 'vitest';
import { organisationKinds } from '../../../db/schema.ts';
import { helixTypeOf, helixTypes } from './helix.ts';

test('every organisation kind has a helix type', () => {
  for (const kind of organisationKinds) expect(helixTypes).toContain(helixTypeOf(kind));
});

test.each([
  ['municipality', 'public'],
  ['region', 'public'],
  ['government_agency', 'public'],
  ['company', 'business'],
  ['university', 'academia'],
  ['association', 'civil_society'],
  ['sami_organisation', 'civil_society'],
  ['sameby', 'civil_society'],
  ['other', 'civil_society'],
] as const)('%s → %s', (kind, helix) => expect(helixTypeOf(kind)).toBe(helix));
