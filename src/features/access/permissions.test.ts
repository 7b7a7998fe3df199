import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Role, roles } from '../../db/schema.ts';
import {
  type Actor,
  anonymousActor,
  canChangeRecord,
  canCreateRecord,
  canGrantRole,
  canReadRecord,
  type RegionRecord,
  readScope,
} from './permissions.ts';

const actor = (role: Role | null, organisationId: string | null = null): Actor => ({
  regionCode: '23',
  user: role ? { id: 'u', email: 'u@test.example', name: 'U', isDemo: false } : null,
  role,
  organisationId,
});
const record = (
  visibility: 'internal' | 'published',
  ownerOrganisationId: string | null,
  regionCode = '23',
): RegionRecord => ({
  regionCode,
  visibility,
  ownerOrganisationId,
});

describe('reading and changing region records', () => {
  test('anonymous users read published records only and change nothing', () => {
    const anon = anonymousActor('23');
    expect(canReadRecord(anon, record('published', null))).toBe(true);
    expect(canReadRecord(anon, record('internal', null))).toBe(false);
    expect(canChangeRecord(anon, record('published', null))).toBe(false);
    expect(canCreateRecord(anon, null)).toBe(false);
  });

  test("a partner reads and changes its own organisation's records, not another's", () => {
    const partner = actor('partner', 'org-a');
    expect(canReadRecord(partner, record('internal', 'org-a'))).toBe(true);
    expect(canReadRecord(partner, record('internal', 'org-b'))).toBe(false);
    expect(canReadRecord(partner, record('published', 'org-b'))).toBe(true);
    expect(canChangeRecord(partner, record('published', 'org-b'))).toBe(false);
    expect(canChangeRecord(partner, record('internal', 'org-a'))).toBe(true);
    expect(canCreateRecord(partner, 'org-a')).toBe(true);
    expect(canCreateRecord(partner, 'org-b')).toBe(false);
    expect(canCreateRecord(partner, null)).toBe(false);
  });

  test('a partner without an organisation owns nothing, even records without an owner', () => {
    const lost = actor('partner', null);
    expect(canChangeRecord(lost, record('internal', null))).toBe(false);
    expect(canReadRecord(lost, record('internal', null))).toBe(false);
  });

  test('viewers read everything and change nothing; editors and admins do both', () => {
    expect(canReadRecord(actor('viewer'), record('internal', 'org-b'))).toBe(true);
    expect(canChangeRecord(actor('viewer'), record('internal', null))).toBe(false);
    for (const role of ['editor', 'admin'] as const) {
      expect(canChangeRecord(actor(role), record('internal', 'org-b'))).toBe(true);
    }
  });

  test("nobody reads or changes another region's internal records", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role | null>(...roles, null),
        fc.constantFrom('org-a', null),
        (role, org) => {
          const other = record('internal', org, '01');
          expect(canReadRecord(actor(role, role === 'partner' ? 'org-a' : null), other)).toBe(false);
          expect(canChangeRecord(actor(role, role === 'partner' ? 'org-a' : null), other)).toBe(false);
        },
      ),
    );
  });

  test('list scopes follow the same rules', () => {
    expect(readScope(actor('viewer'))).toEqual({ all: true });
    expect(readScope(actor('partner', 'org-a'))).toEqual({ all: false, organisationId: 'org-a' });
    expect(readScope(anonymousActor('23'))).toEqual({ all: false, organisationId: null });
  });
});

describe('granting roles', () => {
  const rank: Record<Role, number> = { admin: 3, editor: 2, partner: 1, viewer: 1 };

  test('nobody can grant a role above their own, or touch a user above them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role | null>(...roles, null),
        fc.constantFrom<Role>(...roles),
        fc.constantFrom<Role | null>(...roles, null),
        (own, granted, current) => {
          const allowed = canGrantRole(actor(own), granted, current);
          if (allowed) {
            expect(own).not.toBeNull();
            expect(rank[granted]).toBeLessThanOrEqual(rank[own as Role]);
            if (current) expect(rank[current]).toBeLessThanOrEqual(rank[own as Role]);
          }
        },
      ),
    );
  });

  test('partners and viewers grant nothing; editors up to editor; admins everything', () => {
    for (const role of roles) {
      expect(canGrantRole(actor('partner', 'org-a'), role)).toBe(false);
      expect(canGrantRole(actor('viewer'), role)).toBe(false);
      expect(canGrantRole(actor('admin'), role)).toBe(true);
    }
    expect(canGrantRole(actor('editor'), 'editor')).toBe(true);
    expect(canGrantRole(actor('editor'), 'admin')).toBe(false);
    expect(canGrantRole(actor('editor'), 'viewer', 'admin')).toBe(false);
  });
});
