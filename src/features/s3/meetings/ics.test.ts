import ical, { type VEvent } from 'node-ical';
import { expect, test } from 'vitest';
import { type IcsMeeting, meetingLocation, meetingsCalendar, meetingUid } from './ics.ts';

const base: IcsMeeting = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Öppet möte: Hållbar energi, vätgas; lagring',
  heldOn: '2027-06-10',
  startsAt: '09:00',
  endsAt: '12:30',
  placeKind: 'municipality',
  municipalityName: 'Östersund',
  venue: 'Campus Östersund',
  agenda: 'Inledning\nGrupparbete',
  version: 3,
  updatedAt: new Date('2027-01-01T10:00:00Z'),
};

test('the calendar parses; times are right in summer and winter; UIDs are stable', () => {
  const text = meetingsCalendar(
    [
      base,
      {
        ...base,
        id: '22222222-2222-4222-8222-222222222222',
        heldOn: '2027-01-20',
        startsAt: '13:00',
        endsAt: '15:00',
      },
      {
        ...base,
        id: '33333333-3333-4333-8333-333333333333',
        startsAt: null,
        endsAt: null,
        placeKind: 'digital',
        municipalityName: null,
        venue: null,
        agenda: null,
      },
    ],
    { name: 'Möten', publicUrl: 'https://regionkraft.example/' },
  );
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as VEvent[];
  expect(events).toHaveLength(3);
  const [summer, winter, allDay] = events;
  expect(summer?.uid).toBe(meetingUid(base.id));
  expect(summer?.summary).toBe(base.title);
  expect(summer?.start.toISOString()).toBe('2027-06-10T07:00:00.000Z');
  expect(summer?.end?.toISOString()).toBe('2027-06-10T10:30:00.000Z');
  expect(summer?.location).toBe('Östersund, Campus Östersund');
  expect(summer?.description).toBe('Inledning\nGrupparbete');
  expect(text.replace(/\r\n /g, '')).toContain(
    'URL;VALUE=URI:https://regionkraft.example/smart-specialisering/moten/11111111',
  );
  expect(JSON.stringify(summer?.url)).toContain(
    'https://regionkraft.example/smart-specialisering/moten/11111111',
  );
  expect(winter?.start.toISOString()).toBe('2027-01-20T12:00:00.000Z');
  expect(allDay?.datetype).toBe('date');
  expect(allDay?.location).toBe('Digitalt');
  expect(text).toContain('DTSTART;VALUE=DATE:20270610');
  // The same meeting gives the same UID in another export.
  const again = meetingsCalendar([base], { name: 'x', publicUrl: 'https://regionkraft.example' });
  expect(again).toContain(`UID:${meetingUid(base.id)}`);
});

test('location', () => {
  expect(meetingLocation({ placeKind: 'digital', municipalityName: null, venue: 'Teams' })).toBe(
    'Digitalt (Teams)',
  );
  expect(meetingLocation({ placeKind: 'municipality', municipalityName: 'Åre', venue: null })).toBe('Åre');
});
