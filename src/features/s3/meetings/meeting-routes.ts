/** Meetings of the actor-driven process, registrations, input raised and the calendar export. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notFound,
  problemResponses,
  problemSchema,
  protectedProblemResponses,
  writeProblemResponses,
} from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { sendTable } from '../../../shared/table-download.ts';
import { authorize } from '../../access/permissions.ts';
import { s3Policy } from '../s3-policy.ts';
import { registrationConsent } from './consent.ts';
import { meetingLocation, meetingsCalendar } from './ics.ts';
import { createInput, getInput, loadInputs, updateInput } from './inputs-service.ts';
import {
  calendarQuery,
  consentSchema,
  inputCreateSchema,
  inputListQuery,
  inputPatchSchema,
  inputSchema,
  meetingInputSchema,
  meetingListQuery,
  meetingPatchSchema,
  meetingSchema,
  meetingSummarySchema,
  registrationAnswerSchema,
  registrationInputSchema,
  registrationSchema,
} from './meeting-schemas.ts';
import { meetingTableLabels as labels } from './meeting-table.ts';
import {
  calendarMeeting,
  calendarMeetings,
  createMeeting,
  deleteMeeting,
  findMeetings,
  getMeeting,
  strengthAreaBySlug,
  updateMeeting,
} from './meetings-service.ts';
import { deleteRegistration, listRegistrations, register } from './registrations-service.ts';

const tags = ['smart specialisation'];
const calendarType = 'text/calendar; charset=utf-8';

/** Per address: a person registers a few times; a script filling the form is stopped. */
export const registrationRateLimit = { max: 10, timeWindow: '1 minute' } as const;

export const s3MeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const publicUrl = app.config.auth.publicUrl;
  const mayChange = (actor: Parameters<typeof s3Policy.change>[0], what: string) =>
    authorize(actor, s3Policy.change(actor), `Only the region's staff ${what}`);

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary:
          'Meetings of the actor-driven process (the public: published ones), by strength area and period (?format=csv|xlsx)',
        querystring: meetingListQuery,
        response: { 200: z.object({ items: z.array(meetingSummarySchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const items = await findMeetings(db, request.actor, request.query);
      if (request.query.format) {
        const withInput = s3Policy.readAllInputs(request.actor);
        return sendTable(reply, request.query.format, {
          name: 'moten-smart-specialisering',
          sheet: 'Möten',
          columns: [
            { header: 'Datum', width: 12 },
            { header: 'Tid', width: 12 },
            { header: 'Titel', width: 40 },
            { header: 'Plats', width: 30 },
            { header: 'Format', width: 16 },
            { header: 'Styrkeområden', width: 36 },
            { header: 'Kvinnor' },
            { header: 'Män' },
            { header: 'Annat/ej angett' },
            { header: 'Totalt' },
            { header: 'Organisationer' },
            ...(withInput ? [{ header: 'Inspel' }] : []),
            { header: 'Anmälan öppen' },
            { header: 'Synlighet' },
            { header: 'Exempel' },
          ],
          rows: items.map((m) => [
            m.heldOn,
            m.startsAt ? `${m.startsAt}${m.endsAt ? `–${m.endsAt}` : ''}` : null,
            m.title,
            meetingLocation({ placeKind: m.placeKind, municipalityName: m.municipality, venue: m.venue }),
            labels.format[m.format],
            m.strengthAreas.map((a) => a.nameSv).join(', '),
            m.counts.women,
            m.counts.men,
            m.counts.other,
            m.counts.total,
            m.organisationCount,
            ...(withInput ? [m.inputCount] : []),
            m.registrationOpen ? 'ja' : 'nej',
            labels.visibility[m.visibility],
            m.isExample ? 'ja' : 'nej',
          ]),
        });
      }
      return { items };
    },
  );

  app.get(
    '/meetings.ics',
    {
      schema: {
        tags,
        summary:
          'Calendar (RFC 5545) of published meetings, upcoming and of the last year, of one strength area or all',
        querystring: calendarQuery,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar text'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const meetings = await calendarMeetings(db, request.actor.regionCode, request.query.area);
      const area = request.query.area;
      reply
        .type(calendarType)
        .header(
          'content-disposition',
          `attachment; filename="moten-smart-specialisering${area ? `-${area.replace(/[^a-z0-9-]/gi, '')}` : ''}.ics"`,
        );
      return meetingsCalendar(meetings, { name: 'Smart specialisering – möten', publicUrl });
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'One meeting with its participating organisations, input (for those who may read it) and registrations count (staff)',
        params: idParams,
        response: { 200: meetingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const meeting = await getMeeting(db, request.actor, request.params.id);
      if (!meeting) throw notFound(`No meeting ${request.params.id}`);
      reply.header('etag', etagFor(meeting.version));
      return meeting;
    },
  );

  app.get(
    '/meetings/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'One meeting as a calendar event (RFC 5545)',
        params: idParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar text'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const meeting = await calendarMeeting(db, request.actor, request.params.id);
      if (!meeting) throw notFound(`No meeting ${request.params.id}`);
      reply
        .type(calendarType)
        .header('content-disposition', `attachment; filename="mote-${meeting.heldOn}.ics"`);
      return meetingsCalendar([meeting], { name: meeting.title, publicUrl });
    },
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Record a meeting (editors)',
        body: meetingInputSchema,
        response: { 201: meetingSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor, 'record meetings');
      const created = await createMeeting(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/s3/meetings/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a meeting (If-Match); lists (areas, organisations) replace',
        params: idParams,
        headers: ifMatchHeaders,
        body: meetingPatchSchema,
        response: { 200: meetingSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor, 'change meetings');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateMeeting(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Remove a meeting (If-Match); 409 IN_USE while input or lessons refer to it',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor, 'remove meetings');
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteMeeting(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  // ---- Registration ----

  app.get(
    '/registration-consent',
    {
      schema: {
        tags,
        summary:
          'The consent text for registering for a meeting, and its version (send it with the registration)',
        response: { 200: consentSchema },
      },
    },
    async () => registrationConsent,
  );

  app.post(
    '/meetings/:id/registrations',
    {
      // The one smart-specialisation write without sign-in: registration from the public page.
      config: { anonymousWrite: true, rateLimit: registrationRateLimit },
      schema: {
        tags,
        summary:
          'Register for a published meeting that takes registrations (no sign-in; the same answer for a repeated email)',
        params: idParams,
        body: registrationInputSchema,
        response: {
          201: registrationAnswerSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const answer = await register(db, request.actor.regionCode, request.params.id, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(answer);
    },
  );

  app.get(
    '/meetings/:id/registrations',
    {
      schema: {
        tags,
        summary:
          'Who registered for a meeting (editors; deleted 30 days after the meeting) (?format=csv|xlsx)',
        params: idParams,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
        response: { 200: z.object({ items: z.array(registrationSchema) }), ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(
        request.actor,
        s3Policy.readRegistrations(request.actor),
        "Registrations are personal data: only the region's staff see them",
      );
      const { meeting, items } = await listRegistrations(db, request.actor, request.params.id);
      reply.header('cache-control', 'no-store');
      if (request.query.format) {
        return sendTable(reply, request.query.format, {
          name: `anmalningar-${meeting.heldOn}`,
          sheet: 'Anmälningar',
          columns: [
            { header: 'Namn', width: 30 },
            { header: 'Organisation', width: 30 },
            { header: 'E-post', width: 30 },
            { header: 'Anmäld', width: 20 },
          ],
          rows: items.map((r) => [r.name, r.organisation, r.email, r.consentedAt.slice(0, 10)]),
          source: `${meeting.title}, ${meeting.heldOn}. Raderas 30 dagar efter mötet.`,
        });
      }
      return { items };
    },
  );

  app.delete(
    '/registrations/:id',
    {
      schema: {
        tags,
        summary: 'Remove a registration (editors)',
        params: idParams,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(
        request.actor,
        s3Policy.readRegistrations(request.actor) && s3Policy.change(request.actor),
        "Only the region's staff remove registrations",
      );
      await deleteRegistration(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Input ----

  app.get(
    '/inputs',
    {
      schema: {
        tags,
        summary:
          "Input raised at meetings (staff and viewers: all; a partner: its organisation's) by strength area, status and meeting (?format=csv|xlsx)",
        querystring: inputListQuery,
        response: { 200: z.object({ items: z.array(inputSchema) }), ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      authorize(
        actor,
        s3Policy.readAllInputs(actor) || s3Policy.readOwnInputs(actor),
        'Input is read by the region and by the organisations that raised it',
      );
      const area = request.query.area
        ? await strengthAreaBySlug(db, actor.regionCode, request.query.area)
        : null;
      const items = await loadInputs(db, actor, {
        areaId: area?.id,
        status: request.query.status,
        meetingId: request.query.meeting,
      });
      if (request.query.format) {
        return sendTable(reply, request.query.format, {
          name: 'inspel-smart-specialisering',
          sheet: 'Inspel',
          columns: [
            { header: 'Mötesdatum', width: 12 },
            { header: 'Möte', width: 36 },
            { header: 'Styrkeområde', width: 24 },
            { header: 'Typ', width: 10 },
            { header: 'Inspel', width: 60 },
            { header: 'Från organisation', width: 30 },
            { header: 'Status', width: 22 },
            { header: 'Motivering', width: 40 },
            { header: 'Initiativ i handlingsplanen', width: 36 },
            { header: 'Exempel' },
          ],
          rows: items.map((i) => [
            i.meetingHeldOn,
            i.meetingTitle,
            i.strengthArea.nameSv,
            labels.inputKind[i.kind],
            i.text,
            i.raisedBy?.name ?? null,
            labels.inputStatus[i.status],
            i.statusReason,
            i.initiative?.title ?? null,
            i.isExample ? 'ja' : 'nej',
          ]),
        });
      }
      return { items };
    },
  );

  app.post(
    '/meetings/:id/inputs',
    {
      schema: {
        tags,
        summary: 'Record input raised at a meeting: a need, a proposal or an idea (editors)',
        params: idParams,
        body: inputCreateSchema,
        response: { 201: inputSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor, 'record input');
      const created = await createInput(db, request.actor, request.params.id, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/s3/inputs/${created.id}`);
      return created;
    },
  );

  app.get(
    '/inputs/:id',
    {
      schema: {
        tags,
        summary: 'One input (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: inputSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      authorize(
        actor,
        s3Policy.readAllInputs(actor) || s3Policy.readOwnInputs(actor),
        'Input is read by the region and by the organisations that raised it',
      );
      const input = await getInput(db, actor, request.params.id);
      if (!input) throw notFound(`No input ${request.params.id}`);
      reply.header('etag', etagFor(input.version));
      return input;
    },
  );

  app.patch(
    '/inputs/:id',
    {
      schema: {
        tags,
        summary:
          'Change an input or its status (If-Match): not taken needs a reason; in the action plan names an initiative of the same strength area',
        params: idParams,
        headers: ifMatchHeaders,
        body: inputPatchSchema,
        response: { 200: inputSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor, 'change input');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateInput(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );
};
