/**
 * The calendar export (RFC 5545): one VEVENT per meeting with a stable UID, times as UTC
 * instants of the Swedish local times (summer time included), all-day when the meeting has no
 * time, LOCATION, URL to the meeting page and DESCRIPTION from the agenda.
 */
import ical from 'ical-generator';
import { stockholmInstant } from './meeting-rules.ts';

export type IcsMeeting = {
  id: string;
  title: string;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  placeKind: 'municipality' | 'digital';
  municipalityName: string | null;
  venue: string | null;
  agenda: string | null;
  version: number;
  updatedAt: Date;
};

export const meetingUid = (id: string) => `s3-meeting-${id}@regionkraft`;

export function meetingLocation(m: Pick<IcsMeeting, 'placeKind' | 'municipalityName' | 'venue'>): string {
  if (m.placeKind === 'digital') return m.venue ? `Digitalt (${m.venue})` : 'Digitalt';
  return [m.municipalityName, m.venue].filter((s) => s && s.trim() !== '').join(', ');
}

export function meetingsCalendar(
  meetings: IcsMeeting[],
  options: { name: string; publicUrl: string; now?: Date },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Regionkraft', product: 'Smart specialisering', language: 'SV' },
  });
  const base = options.publicUrl.replace(/\/+$/, '');
  for (const m of meetings) {
    const timed = m.startsAt !== null;
    const location = meetingLocation(m);
    calendar.createEvent({
      id: meetingUid(m.id),
      sequence: m.version,
      stamp: options.now ?? new Date(),
      lastModified: m.updatedAt,
      summary: m.title,
      ...(timed
        ? {
            start: stockholmInstant(m.heldOn, m.startsAt as string),
            ...(m.endsAt ? { end: stockholmInstant(m.heldOn, m.endsAt) } : {}),
          }
        : { start: new Date(`${m.heldOn}T00:00:00Z`), allDay: true }),
      ...(location ? { location } : {}),
      url: `${base}/smart-specialisering/moten/${m.id}`,
      ...(m.agenda ? { description: m.agenda } : {}),
    });
  }
  return calendar.toString();
}
