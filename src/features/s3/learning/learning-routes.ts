/** The learning log (lessons, priority changes citing them) and participation measures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, problemResponses, writeProblemResponses } from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { sendTable } from '../../../shared/table-download.ts';
import { authorize } from '../../access/permissions.ts';
import { helixLabelsSv } from '../meetings/helix.ts';
import { s3Policy } from '../s3-policy.ts';
import {
  changeInputSchema,
  changeListQuery,
  changePatchSchema,
  changeSchema,
  lessonInputSchema,
  lessonListQuery,
  lessonPatchSchema,
  lessonSchema,
  logQuery,
  logSchema,
  participationQuery,
  participationSchema,
} from './learning-schemas.ts';
import {
  areaFilter,
  createChange,
  createLesson,
  deleteChange,
  deleteLesson,
  getChange,
  getLesson,
  learningLog,
  listChanges,
  listLessons,
  updateChange,
  updateLesson,
} from './learning-service.ts';
import { participation } from './participation-service.ts';

const tags = ['smart specialisation'];

/** Change kinds in words, for the downloads. */
export const changeKindNames = {
  vision: 'Vision',
  sub_areas: 'Delområden',
  priorities: 'Prioriteringar',
  action_plan: 'Handlingsplan',
  other: 'Annat',
} as const;

export const s3LearningRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const mayChange = (actor: Parameters<typeof s3Policy.change>[0]) =>
    authorize(actor, s3Policy.change(actor), 'Only the region keeps the learning log');

  app.get(
    '/lessons',
    {
      schema: {
        tags,
        summary:
          'Lessons of the learning log, newest first, with their source meetings and the decisions citing them (?format=csv|xlsx)',
        querystring: lessonListQuery,
        response: { 200: z.object({ items: z.array(lessonSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const area = await areaFilter(db, actor.regionCode, request.query.area);
      const items = await listLessons(db, actor, { area, q: request.query.q });
      if (request.query.format) {
        return sendTable(reply, request.query.format, {
          name: area ? `lardomar-${area.slug}` : 'lardomar',
          sheet: 'Lärdomar',
          columns: [
            { header: 'Datum', width: 12 },
            { header: 'Styrkeområde', width: 22 },
            { header: 'Lärdom', width: 40 },
            { header: 'Beskrivning', width: 60 },
            { header: 'Underlag', width: 40 },
            { header: 'Möten', width: 40 },
            { header: 'Ledde till', width: 40 },
            { header: 'Exempel', width: 9 },
          ],
          rows: items.map((l) => [
            l.learnedOn,
            l.strengthArea?.name.sv ?? 'Hela programmet',
            l.title,
            l.lesson,
            l.evidence,
            l.meetings.map((m) => `${m.heldOn} ${m.title}`).join('; '),
            l.citedBy.map((c) => `${c.decidedOn} ${c.summary}`).join('; '),
            l.isExample ? 'ja' : 'nej',
          ]),
          source: 'Källa: Regionkraft, lärloggen för smart specialisering',
        });
      }
      return { items };
    },
  );

  app.get(
    '/lessons/:id',
    {
      schema: {
        tags,
        summary: 'One lesson (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: lessonSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const lesson = await getLesson(db, request.actor, request.params.id);
      if (!lesson) throw notFound(`No lesson ${request.params.id}`);
      reply.header('etag', etagFor(lesson.version));
      return lesson;
    },
  );

  app.post(
    '/lessons',
    {
      schema: {
        tags,
        summary: 'Record a lesson with its evidence and source meetings (editors)',
        body: lessonInputSchema,
        response: { 201: lessonSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const created = await createLesson(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/s3/lessons/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Change a lesson (If-Match; editors)',
        params: idParams,
        headers: ifMatchHeaders,
        body: lessonPatchSchema,
        response: { 200: lessonSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateLesson(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Remove a lesson (If-Match; editors; 409 IN_USE while a decision cites it)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteLesson(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/priority-changes',
    {
      schema: {
        tags,
        summary:
          'Decisions that changed priorities or the action plan, newest first, with the lessons behind them (?format=csv|xlsx)',
        querystring: changeListQuery,
        response: { 200: z.object({ items: z.array(changeSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const area = await areaFilter(db, actor.regionCode, request.query.area);
      const items = await listChanges(db, actor, { area });
      if (request.query.format) {
        return sendTable(reply, request.query.format, {
          name: area ? `andrade-prioriteringar-${area.slug}` : 'andrade-prioriteringar',
          sheet: 'Ändrade prioriteringar',
          columns: [
            { header: 'Beslutsdatum', width: 12 },
            { header: 'Styrkeområde', width: 22 },
            { header: 'Vad ändrades', width: 16 },
            { header: 'Beslut', width: 60 },
            { header: 'Beslutat av', width: 30 },
            { header: 'Referens', width: 24 },
            { header: 'Bygger på lärdomarna', width: 50 },
            { header: 'Exempel', width: 9 },
          ],
          rows: items.map((c) => [
            c.decidedOn,
            c.strengthArea?.name.sv ?? 'Hela programmet',
            changeKindNames[c.kind],
            c.summary,
            c.decidedBy,
            c.reference,
            c.lessons.map((l) => `${l.learnedOn} ${l.title}`).join('; '),
            c.isExample ? 'ja' : 'nej',
          ]),
          source: 'Källa: Regionkraft, lärloggen för smart specialisering',
        });
      }
      return { items };
    },
  );

  app.get(
    '/priority-changes/:id',
    {
      schema: {
        tags,
        summary: 'One decision that changed priorities (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: changeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const change = await getChange(db, request.actor, request.params.id);
      if (!change) throw notFound(`No priority change ${request.params.id}`);
      reply.header('etag', etagFor(change.version));
      return change;
    },
  );

  app.post(
    '/priority-changes',
    {
      schema: {
        tags,
        summary:
          'Record a decision that changed priorities, citing at least one lesson dated on or before it (editors)',
        body: changeInputSchema,
        response: { 201: changeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const created = await createChange(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/s3/priority-changes/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/priority-changes/:id',
    {
      schema: {
        tags,
        summary: 'Change a recorded decision (If-Match; editors)',
        params: idParams,
        headers: ifMatchHeaders,
        body: changePatchSchema,
        response: { 200: changeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateChange(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/priority-changes/:id',
    {
      schema: {
        tags,
        summary: 'Remove a recorded decision (If-Match; editors)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteChange(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/learning-log',
    {
      schema: {
        tags,
        summary:
          'The learning log as one list, newest first: lessons (with their meetings and the decisions citing them) and decisions (with their lessons)',
        querystring: logQuery,
        response: { 200: logSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { actor } = request;
      const area = await areaFilter(db, actor.regionCode, request.query.area);
      return { area, items: await learningLog(db, actor, area) };
    },
  );

  app.get(
    '/participation',
    {
      schema: {
        tags,
        summary:
          'Participation in the actor-driven process per year or half-year: meetings, participants by sex, organisations by helix type, municipalities, new and returning organisations (?format=csv|xlsx). Anonymous readers and partners: published meetings only',
        querystring: participationQuery,
        response: { 200: participationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const { area: slug, period, from, to, format } = request.query;
      const area = await areaFilter(db, actor.regionCode, slug);
      const result = await participation(db, actor, { area, period, from, to });
      if (format) {
        return sendTable(reply, format, {
          name: `deltagande-${area?.slug ?? 'alla'}-${period === 'year' ? 'ar' : 'halvar'}`,
          sheet: 'Deltagande',
          columns: [
            { header: 'Period', width: 10 },
            { header: 'Möten', width: 8 },
            { header: 'Möten utan uppgift om deltagare', width: 14 },
            { header: 'Kvinnor', width: 9 },
            { header: 'Män', width: 9 },
            { header: 'Annat eller ej angett', width: 12 },
            { header: 'Deltagare totalt', width: 10 },
            ...Object.values(helixLabelsSv).map((header) => ({ header, width: 12 })),
            { header: 'Organisationer totalt', width: 12 },
            { header: 'Nya organisationer', width: 12 },
            { header: 'Återkommande organisationer', width: 14 },
            { header: 'Antal kommuner', width: 10 },
            { header: 'Kommuner', width: 50 },
          ],
          rows: result.periods.map((p) => [
            p.period.replace('-H', ' halvår '),
            p.meetings,
            p.meetingsWithoutCounts,
            p.participants.women,
            p.participants.men,
            p.participants.other,
            p.participants.total,
            p.organisations.public,
            p.organisations.business,
            p.organisations.academia,
            p.organisations.civil_society,
            p.organisations.total,
            p.newOrganisations,
            p.returningOrganisations,
            p.municipalities.length,
            p.municipalities.map((m) => m.name).join(', '),
          ]),
          source: `Källa: Regionkraft, möten i det aktörsdrivna arbetet${area ? ` (${area.name.sv})` : ''}${
            result.includesInternal ? '' : ', publicerade möten'
          }`,
        });
      }
      return result;
    },
  );
};
