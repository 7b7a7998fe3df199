import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/format';
import type { HelixType, InputStatus, Meeting, MeetingSummary } from './api';

export const MEETING_FORMATS = [
  'open_meeting',
  'workshop',
  'seminar',
  'network_meeting',
  'study_visit',
  'other',
] as const;
export const INPUT_KINDS = ['need', 'proposal', 'idea'] as const;
export const INPUT_STATUSES = ['new', 'considered', 'in_action_plan', 'not_taken'] as const;
export const HELIX_TYPES: readonly HelixType[] = ['public', 'business', 'academia', 'civil_society'];

/** The neutral name the API gives an organisation the reader may not see by name. */
export const HIDDEN_ORGANISATION_NAME = 'Annan organisation';

/** Today's date in Sweden, YYYY-MM-DD. */
export const todayInSweden = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** "14 februari 2027, 13.00–16.00" (sv) or "14 February 2027, 13:00–16:00" (en). */
export function meetingWhen(m: Pick<MeetingSummary, 'heldOn' | 'startsAt' | 'endsAt'>, lang: string): string {
  const date = formatDate(m.heldOn, lang);
  if (!m.startsAt) return date;
  const clock = (s: string) => (lang.startsWith('en') ? s : s.replace(':', '.'));
  return `${date}, ${clock(m.startsAt)}${m.endsAt ? `–${clock(m.endsAt)}` : ''}`;
}

export function meetingPlace(
  t: TFunction,
  m: Pick<MeetingSummary, 'placeKind' | 'municipality' | 'venue'>,
): string {
  if (m.placeKind === 'digital')
    return m.venue ? `${t('s3Meetings.digital')} (${m.venue})` : t('s3Meetings.digital');
  return [m.municipality, m.venue].filter(Boolean).join(', ') || '–';
}

export const areaName = (a: { nameSv: string; nameEn: string | null }, lang: string) =>
  lang.startsWith('en') ? (a.nameEn ?? a.nameSv) : a.nameSv;

/** The badge class of an input status (the text says it; the colour repeats it). */
export function statusBadgeClass(status: InputStatus): string {
  if (status === 'in_action_plan') return 'badge badge-ok';
  if (status === 'not_taken') return 'badge badge-off';
  if (status === 'considered') return 'badge badge-warn';
  return 'badge';
}

export const isStaffRole = (role: string | null | undefined) => role === 'admin' || role === 'editor';

/** The organisations of a meeting grouped by quadruple-helix type, in the helix order. */
export function byHelix(organisations: Meeting['organisations']) {
  return HELIX_TYPES.map((helix) => ({
    helix,
    organisations: organisations.filter((o) => o.helixType === helix),
  })).filter((g) => g.organisations.length > 0);
}
