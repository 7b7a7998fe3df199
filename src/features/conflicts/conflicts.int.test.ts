/**
 * Goal conflicts through the API: the register and its append-only history, the review queue,
 * interaction matrices and Sami consultations. Runs on PGlite and PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../db/schema.ts';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers, testPassword } from '../../test/test-users.ts';
import { createUser } from '../access/users-service.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let viewer: string;
let partner: string;
let strengthAreaId: string;
let windEffortId: string;

// Response bodies are checked field by field below; a loose type keeps the assertions readable.
// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  options: { cookie?: string; payload?: unknown; ifMatch?: string; headers?: Record<string, string> } = {},
) => {
  const response = await t.app.inject({
    method,
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      ...options.headers,
    },
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body ? (safeJson(response.body) as Json) : {},
    response,
  };
};
const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
};
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
  const steering = (await call('GET', '/api/v1/steering')).body;
  strengthAreaId = steering.strengthAreas.find((s: Json) => s.name.sv === 'Hållbar energi').id;
  // An effort in Krokom (where samebyar are stated present) with +2 economic and −1 environmental.
  const effort = await call('POST', '/api/v1/efforts', {
    cookie: editor,
    payload: {
      title: 'Vindpark i Krokom',
      status: 'planned',
      reach: { municipalities: [{ areaCode: '2309', share: 100 }] },
      assessments: [
        { dimension: 'economic', score: 2 },
        { dimension: 'environmental', score: -1, rationale: 'Påverkan på landskap och fåglar' },
      ],
    },
  });
  expect(effort.status, JSON.stringify(effort.body)).toBe(201);
  windEffortId = effort.body.id;
});
afterAll(async () => t?.close());

describe('the conflict register', () => {
  let id: string;

  test('an editor registers a conflict with goals, places, actors and efforts; its first step is recorded', async () => {
    const created = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Vindkraft mot renskötsel',
        description: 'Vindparker tar betesmark.',
        goals: [
          { kind: 'strength_area', ref: strengthAreaId },
          { kind: 'priority', ref: '2' },
          { kind: 'sdg_target', ref: '7.2' },
          { kind: 'free_text', ref: 'Renskötselns flyttleder' },
        ],
        dimensions: ['economic', 'sami_conditions'],
        places: ['2309', 'sameby-jijnjevaerie'],
        actorIds: [fx.orgA.id],
        effortIds: [windEffortId],
        severity: 3,
        madeVisibleBy: 'dialogue',
        decisions: [{ date: '2025-01-10', body: 'Regionala utvecklingsnämnden', summary: 'Beslut', url: '' }],
        identified: { date: '2025-01-01', text: 'Lyftes i dialog' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
    expect(created.response.headers.etag).toBe('"1"');
    expect(created.body.goals.map((g: Json) => g.label)).toEqual([
      'Hållbar energi',
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^7\.2 /),
      'Renskötselns flyttleder',
    ]);
    expect(created.body.places.map((p: Json) => p.name)).toEqual(['Krokom', 'Jijnjevaerie']);
    expect(created.body.steps).toMatchObject([{ sequence: 1, status: 'identified', date: '2025-01-01' }]);
    expect(created.body.status).toBe('identified');
    expect(created.body.nextStatuses).toEqual(['analysed', 'handled', 'dismissed']);
  });

  test('bad references are all named at their fields; nothing is written', async () => {
    const before = (await call('GET', '/api/v1/goal-conflicts', { cookie: editor })).body.total;
    const bad = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Fel',
        severity: 4,
        madeVisibleBy: 'analysis',
        goals: [{ kind: 'sdg_target', ref: '99.9' }],
        places: ['2380', '9999'],
        actorIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toContain('body.severity');
    const bad2 = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Fel',
        severity: 2,
        madeVisibleBy: 'analysis',
        goals: [{ kind: 'sdg_target', ref: '99.9' }],
        places: ['2380', '9999'],
        actorIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(bad2.status).toBe(400);
    expect(bad2.body.errors.map((e: Json) => e.field).sort()).toEqual([
      'body.actorIds.0',
      'body.goals.0.ref',
      'body.places.1',
    ]);
    expect((await call('GET', '/api/v1/goal-conflicts', { cookie: editor })).body.total).toBe(before);
  });

  test('steps are appended in order, checked, and never change the earlier ones', async () => {
    const steps = async (payload: object, ifMatch: string) =>
      call('POST', `/api/v1/goal-conflicts/${id}/steps`, { cookie: editor, payload, ifMatch });
    expect((await steps({ status: 'followed_up', date: today, text: 'x' }, '"1"')).status).toBe(400);
    const noIfMatch = await call('POST', `/api/v1/goal-conflicts/${id}/steps`, {
      cookie: editor,
      payload: { status: 'analysed', date: today, text: 'x' },
    });
    expect(noIfMatch.status).toBe(428);
    const analysed = await steps({ status: 'analysed', date: '2025-02-01', text: 'Analys gjord' }, '"1"');
    expect(analysed.status, JSON.stringify(analysed.body)).toBe(201);
    expect(analysed.body.version).toBe(2);
    expect((await steps({ status: 'handled', date: today, text: 'y' }, '"1"')).status).toBe(412);
    const noJustification = await steps(
      { status: 'handled', date: today, text: 'Avvägning', handling: 'trade_off' },
      '"2"',
    );
    expect(noJustification.status).toBe(400);
    expect(noJustification.body.errors).toEqual([
      { field: 'body.justification', message: 'a trade-off needs its justification' },
    ]);
    const early = await steps(
      { status: 'handled', date: '2024-12-31', text: 'x', handling: 'measure' },
      '"2"',
    );
    expect(early.body.errors.map((e: Json) => e.field)).toEqual(['body.date']);
    const handled = await steps(
      { status: 'handled', date: today, text: 'Avvägning', handling: 'trade_off', justification: 'Skäl' },
      '"2"',
    );
    expect(handled.status).toBe(201);
    const followed = await steps(
      { status: 'followed_up', date: today, text: 'Uppföljd', followUpIndicatorId: 'population' },
      '"3"',
    );
    expect(followed.status, JSON.stringify(followed.body)).toBe(201);
    const document = (await call('GET', `/api/v1/goal-conflicts/${id}`, { cookie: editor })).body;
    expect(document.status).toBe('followed_up');
    expect(document.steps.map((s: Json) => [s.sequence, s.status])).toEqual([
      [1, 'identified'],
      [2, 'analysed'],
      [3, 'handled'],
      [4, 'followed_up'],
    ]);
    expect(document.steps[0].text).toBe('Lyftes i dialog');
    expect(document.steps[2]).toMatchObject({ handling: 'trade_off', justification: 'Skäl' });
    expect(document.steps[3].followUpIndicator.id).toBe('population');
    expect(document.steps[1].recordedBy).toBe(fx.users.editor.email);
    const audit = await t.database.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, 'goal_conflict'), eq(schema.auditEvents.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'add_step', 'add_step', 'add_step']);
  });

  test('a change of the description is locked and audited; lists replace', async () => {
    const changed = await call('PATCH', `/api/v1/goal-conflicts/${id}`, {
      cookie: editor,
      ifMatch: '"4"',
      payload: { places: ['2321'], visibility: 'published' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.places.map((p: Json) => p.code)).toEqual(['2321']);
    expect(changed.body.steps).toHaveLength(4);
    const stale = await call('PATCH', `/api/v1/goal-conflicts/${id}`, {
      cookie: editor,
      ifMatch: '"4"',
      payload: { title: 'Annat' },
    });
    expect(stale.status).toBe(412);
  });

  test('filters by status, dimension, place and strength area; CSV download', async () => {
    const titles = async (query: string) =>
      (await call('GET', `/api/v1/goal-conflicts?${query}`, { cookie: editor })).body.items.map(
        (c: Json) => c.title,
      );
    expect(await titles('status=followed_up')).toEqual(['Vindkraft mot renskötsel']);
    expect(await titles('status=analysed')).toEqual([]);
    expect(await titles('dimension=sami_conditions')).toContain('Vindkraft mot renskötsel');
    expect(await titles('dimension=gender_equality')).not.toContain('Vindkraft mot renskötsel');
    expect(await titles('place=2321')).toContain('Vindkraft mot renskötsel');
    expect(await titles('place=2309')).not.toContain('Vindkraft mot renskötsel');
    expect(await titles(`strengthArea=${strengthAreaId}`)).toContain('Vindkraft mot renskötsel');
    expect(await titles('q=renskötsel')).toEqual(['Vindkraft mot renskötsel']);
    expect(await titles('q=%25')).toEqual([]);
    const csv = await call('GET', '/api/v1/goal-conflicts?status=followed_up&format=csv', { cookie: editor });
    expect(csv.response.headers['content-type']).toContain('text/csv');
    expect(csv.response.body).toContain(
      'Vindkraft mot renskötsel;Uppföljd;3;Ekonomisk, Samiska förutsättningar;Åre',
    );
  });

  test('the public sees published conflicts without internal names; partners also those naming them', async () => {
    const internal = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Intern konflikt om B',
        severity: 1,
        madeVisibleBy: 'analysis',
        actorIds: [fx.orgB.id],
      },
    });
    const partnerOwn = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Intern konflikt om A',
        severity: 1,
        madeVisibleBy: 'analysis',
        actorIds: [fx.orgA.id],
      },
    });
    const list = async (cookie?: string) =>
      (await call('GET', '/api/v1/goal-conflicts', { cookie })).body.items.map((c: Json) => c.title);
    expect(await list()).toContain('Vindkraft mot renskötsel');
    expect(await list()).not.toContain('Intern konflikt om B');
    expect(await list(partner)).toContain('Intern konflikt om A');
    expect(await list(partner)).not.toContain('Intern konflikt om B');
    expect((await call('GET', `/api/v1/goal-conflicts/${internal.body.id}`)).status).toBe(404);
    expect(
      (await call('GET', `/api/v1/goal-conflicts/${partnerOwn.body.id}`, { cookie: partner })).status,
    ).toBe(200);
    // The published conflict names an internal actor and an internal effort: the public sees neither.
    const shown = (await call('GET', `/api/v1/goal-conflicts/${id}`)).body;
    expect(shown.actors).toEqual([]);
    expect(shown.efforts).toEqual([]);
    expect(shown.steps[1].recordedBy).toBeNull();
    expect((await call('GET', `/api/v1/goal-conflicts/${id}`, { cookie: viewer })).body.efforts).toHaveLength(
      1,
    );
  });
});

describe('the review queue', () => {
  const queue = async () => (await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: editor })).body;
  const find = async (key: string) => (await queue()).items.find((s: Json) => s.key === key);

  test('an effort scored +2 and −1 is suggested, with its scores and a proposal', async () => {
    const s = await find(`assessment:${windEffortId}`);
    expect(s).toMatchObject({
      kind: 'effort_assessment',
      effort: { id: windEffortId, title: 'Vindpark i Krokom' },
      positive: [{ dimension: 'economic', score: 2 }],
      negative: [{ dimension: 'environmental', score: -1 }],
      proposal: { dimensions: ['economic', 'environmental'], places: ['2309'], effortIds: [windEffortId] },
    });
  });

  test('an effort in Krokom without a Sami assessment or consultation is suggested with the samebyar there', async () => {
    const s = await find(`sami-place:${windEffortId}`);
    expect(s.municipalities).toEqual([{ code: '2309', name: 'Krokom' }]);
    expect(s.samebyar.map((b: Json) => b.name)).toEqual(
      expect.arrayContaining(['Jijnjevaerie', 'Jovnevaerie', 'Njaarke']),
    );
    expect(s.samiScore).toBeNull();
  });

  test('a dismissed suggestion stays away until its inputs change', async () => {
    const s = await find(`assessment:${windEffortId}`);
    const noReason = await call('POST', '/api/v1/goal-conflict-suggestions/dismissals', {
      cookie: editor,
      payload: { key: s.key, inputsHash: s.inputsHash, reason: '  ' },
    });
    expect(noReason.status).toBe(400);
    const stale = await call('POST', '/api/v1/goal-conflict-suggestions/dismissals', {
      cookie: editor,
      payload: { key: s.key, inputsHash: 'old', reason: 'Inte en konflikt' },
    });
    expect(stale.status).toBe(409);
    const dismissed = await call('POST', '/api/v1/goal-conflict-suggestions/dismissals', {
      cookie: editor,
      payload: { key: s.key, inputsHash: s.inputsHash, reason: 'Hanteras i tillståndsprövningen' },
    });
    expect(dismissed.status).toBe(204);
    expect(await find(s.key)).toBeUndefined();
    expect((await queue()).dismissed).toContainEqual(
      expect.objectContaining({ key: s.key, reason: 'Hanteras i tillståndsprövningen' }),
    );
    expect(
      (
        await call('POST', '/api/v1/goal-conflict-suggestions/dismissals', {
          cookie: viewer,
          payload: { key: s.key, inputsHash: s.inputsHash, reason: 'x' },
        })
      ).status,
    ).toBe(403);
    // The assessment changes: the suggestion is back with new inputs.
    const effort = await call('GET', `/api/v1/efforts/${windEffortId}`, { cookie: editor });
    const patched = await call('PATCH', `/api/v1/efforts/${windEffortId}`, {
      cookie: editor,
      ifMatch: effort.response.headers.etag as string,
      payload: {
        assessments: [
          { dimension: 'economic', score: 3 },
          { dimension: 'environmental', score: -1, rationale: 'Påverkan' },
        ],
      },
    });
    expect(patched.status).toBe(200);
    const back = await find(s.key);
    expect(back.positive).toEqual([{ dimension: 'economic', score: 3 }]);
    expect(back.inputsHash).not.toBe(s.inputsHash);
  });

  test('turning a suggestion into a conflict takes it out of the queue', async () => {
    const s = await find(`sami-place:${windEffortId}`);
    const created = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: s.proposal.title,
        severity: s.proposal.severity,
        madeVisibleBy: s.proposal.madeVisibleBy,
        dimensions: s.proposal.dimensions,
        places: s.proposal.places,
        effortIds: s.proposal.effortIds,
        fromSuggestion: { key: s.key, inputsHash: s.inputsHash },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.suggestionKey).toBe(s.key);
    expect(await find(s.key)).toBeUndefined();
    const again = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Igen',
        severity: 1,
        madeVisibleBy: 'analysis',
        fromSuggestion: { key: s.key, inputsHash: s.inputsHash },
      },
    });
    expect(again.status).toBe(409);
  });

  test('viewers read the queue; partners and the public do not', async () => {
    expect((await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: viewer })).status).toBe(200);
    expect((await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: partner })).status).toBe(403);
    expect((await call('GET', '/api/v1/goal-conflict-suggestions')).status).toBe(401);
  });
});

describe('interaction matrices', () => {
  let matrix: Json;
  const node = (label: string) => matrix.nodes.find((n: Json) => n.label === label).id;
  const scorer = (name: string) => matrix.scorers.find((s: Json) => s.name === name).id;

  test('an editor creates a matrix; three scorers score; the combined matrix and measures are as computed by hand', async () => {
    const created = await call('POST', '/api/v1/interaction-matrices', {
      cookie: editor,
      payload: {
        title: 'Testmatris',
        nodes: [
          { kind: 'strength_area', ref: 'hallbar-energi', label: 'Energi' },
          { kind: 'own_goal', label: 'Renskötsel' },
          { kind: 'sdg_target', ref: '15.1', label: 'Ekosystem' },
        ],
        scorers: [{ name: 'Anna' }, { name: 'Björn' }, { name: 'Åsa' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    matrix = created.body;
    const put = async (name: string, cells: [string, string, number][], version: number) =>
      call('PUT', `/api/v1/interaction-matrices/${matrix.id}/scorers/${scorer(name)}/scores`, {
        cookie: editor,
        ifMatch: `"${version}"`,
        payload: {
          scores: cells.map(([row, column, score]) => ({
            rowNodeId: node(row),
            columnNodeId: node(column),
            score,
            rationale: score <= -2 ? 'Tar betesmark' : null,
          })),
        },
      });
    // Energi→Renskötsel: −2, −3, 0 → median −2, spread 3 (listed). Energi→Ekosystem: 1, 2 → 1,5.
    // Renskötsel→Ekosystem: 2, 2, 2 → 2. Ekosystem→Renskötsel: 3, 2, 2 → 2.
    expect(
      (
        await put(
          'Anna',
          [
            ['Energi', 'Renskötsel', -2],
            ['Energi', 'Ekosystem', 1],
            ['Renskötsel', 'Ekosystem', 2],
            ['Ekosystem', 'Renskötsel', 3],
          ],
          1,
        )
      ).status,
    ).toBe(200);
    expect((await put('Björn', [['Energi', 'Renskötsel', -3]], 1)).status).toBe(412);
    await put(
      'Björn',
      [
        ['Energi', 'Renskötsel', -3],
        ['Energi', 'Ekosystem', 2],
        ['Renskötsel', 'Ekosystem', 2],
        ['Ekosystem', 'Renskötsel', 2],
      ],
      2,
    );
    const last = await put(
      'Åsa',
      [
        ['Energi', 'Renskötsel', 0],
        ['Renskötsel', 'Ekosystem', 2],
        ['Ekosystem', 'Renskötsel', 2],
      ],
      3,
    );
    expect(last.status).toBe(200);
    matrix = last.body;
    expect(matrix.combined).toEqual([
      [null, -2, 1.5],
      [null, null, 2],
      [null, 2, null],
    ]);
    expect(matrix.disagreements).toEqual([
      {
        rowNodeId: node('Energi'),
        columnNodeId: node('Renskötsel'),
        min: -3,
        max: 0,
        spread: 3,
        scores: expect.arrayContaining([
          { scorerId: scorer('Anna'), score: -2 },
          { scorerId: scorer('Björn'), score: -3 },
          { scorerId: scorer('Åsa'), score: 0 },
        ]),
      },
    ]);
    // Row sums: Energi −0,5; Renskötsel 2; Ekosystem 2. Second order: Energi ½(−2·2 + 1,5·2) = −0,5;
    // Renskötsel ½(2·2) = 2; Ekosystem ½(2·2) = 2. Combined: −1; 4; 4 → ranks 3, 1, 1.
    const measures = Object.fromEntries(matrix.measures.map((m: Json) => [m.nodeId, m]));
    expect(measures[node('Energi')]).toMatchObject({
      rowSum: -0.5,
      rowNegative: -2,
      rowPositive: 1.5,
      secondOrder: -0.5,
      combinedScore: -1,
      rank: 3,
    });
    expect(measures[node('Renskötsel')]).toMatchObject({
      rowSum: 2,
      columnSum: 0,
      secondOrder: 2,
      combinedScore: 4,
      rank: 1,
    });
    expect(measures[node('Ekosystem')]).toMatchObject({ columnSum: 3.5, combinedScore: 4, rank: 1 });
    expect(matrix.strongNegativeLinks).toEqual([
      { rowNodeId: node('Energi'), columnNodeId: node('Renskötsel'), score: -2 },
    ]);
    expect(matrix.reinforcingGroups).toEqual(
      [[node('Renskötsel'), node('Ekosystem')].sort()].map((g) => expect.arrayContaining(g)),
    );
    expect(matrix.scorers.map((s: Json) => [s.name, s.scoredCells])).toEqual([
      ['Anna', 4],
      ['Björn', 4],
      ['Åsa', 3],
    ]);
  });

  test('a strongly negative combined cell is in the review queue', async () => {
    const queue = (await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: editor })).body;
    const s = queue.items.find(
      (x: Json) => x.key === `matrix:${matrix.id}:${node('Energi')}:${node('Renskötsel')}`,
    );
    expect(s.matrix).toMatchObject({ title: 'Testmatris', row: 'Energi', column: 'Renskötsel', score: -2 });
  });

  test('bad cells are refused at their fields', async () => {
    const bad = await call(
      'PUT',
      `/api/v1/interaction-matrices/${matrix.id}/scorers/${scorer('Anna')}/scores`,
      {
        cookie: editor,
        ifMatch: `"${matrix.version}"`,
        payload: {
          scores: [
            { rowNodeId: node('Energi'), columnNodeId: node('Energi'), score: 1 },
            { rowNodeId: node('Energi'), columnNodeId: '00000000-0000-4000-8000-000000000000', score: 1 },
          ],
        },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual([
      'body.scores.0.columnNodeId',
      'body.scores.1.columnNodeId',
    ]);
    const outOfRange = await call(
      'PUT',
      `/api/v1/interaction-matrices/${matrix.id}/scorers/${scorer('Anna')}/scores`,
      {
        cookie: editor,
        ifMatch: `"${matrix.version}"`,
        payload: { scores: [{ rowNodeId: node('Energi'), columnNodeId: node('Ekosystem'), score: 4 }] },
      },
    );
    expect(outOfRange.status).toBe(400);
  });

  test('scores go out as CSV and Excel, and come back unchanged; a bad file is refused whole', async () => {
    const csv = await call('GET', `/api/v1/interaction-matrices/${matrix.id}/scores?format=csv`, {
      cookie: editor,
    });
    expect(csv.response.headers['content-type']).toContain('text/csv');
    const text = csv.response.body.replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe('Bedömare;Rad;Kolumn;Poäng;Motivering');
    expect(text).toContain('Anna;Energi;Renskötsel;-2;Tar betesmark');
    const roundTrip = await call(
      'POST',
      `/api/v1/interaction-matrices/${matrix.id}/scores/import?filename=poang.csv`,
      {
        cookie: editor,
        headers: { 'content-type': 'text/csv' },
        payload: text,
      },
    );
    expect(roundTrip.status, JSON.stringify(roundTrip.body)).toBe(200);
    expect(roundTrip.body).toMatchObject({ rows: 11, inserted: 0, updated: 0, unchanged: 11 });

    const xlsx = await t.app.inject({
      url: `/api/v1/interaction-matrices/${matrix.id}/combined?format=xlsx`,
      headers: { cookie: editor },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('Energi');
    expect(sheet?.getRow(2).getCell(4).value).toBe(1.5);

    const versionBefore = (await call('GET', `/api/v1/interaction-matrices/${matrix.id}`, { cookie: editor }))
      .body.version;
    const bad = await call(
      'POST',
      `/api/v1/interaction-matrices/${matrix.id}/scores/import?filename=poang.csv`,
      {
        cookie: editor,
        headers: { 'content-type': 'text/csv' },
        payload:
          'Bedömare;Rad;Kolumn;Poäng\nAnna;Energi;Ekosystem;3\n\nOkänd;Energi;Ekosystem;1\nAnna;Energi;Energi;1\n',
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['row 4, Bedömare', 'row 5, Kolumn']);
    const after = (await call('GET', `/api/v1/interaction-matrices/${matrix.id}`, { cookie: editor })).body;
    expect(after.version).toBe(versionBefore);
    expect(after.combined[0][2]).toBe(1.5);

    const good = await call(
      'POST',
      `/api/v1/interaction-matrices/${matrix.id}/scores/import?filename=poang.csv`,
      {
        cookie: editor,
        headers: { 'content-type': 'text/csv' },
        payload: 'Scorer,Row,Column,Score\nÅsa,Energi,Ekosystem,+3\n',
      },
    );
    expect(good.body).toMatchObject({ inserted: 1, updated: 0 });
    expect(
      (await call('GET', `/api/v1/interaction-matrices/${matrix.id}`, { cookie: editor })).body.version,
    ).toBe(versionBefore + 1);
  });

  test('internal matrices are hidden from the public; removing a node removes its scores', async () => {
    expect((await call('GET', `/api/v1/interaction-matrices/${matrix.id}`)).status).toBe(404);
    const current = (await call('GET', `/api/v1/interaction-matrices/${matrix.id}`, { cookie: editor })).body;
    const changed = await call('PATCH', `/api/v1/interaction-matrices/${matrix.id}`, {
      cookie: editor,
      ifMatch: `"${current.version}"`,
      payload: {
        visibility: 'published',
        nodes: current.nodes
          .filter((n: Json) => n.label !== 'Renskötsel')
          .map(({ id, kind, ref, label }: Json) => ({ id, kind, ref, label })),
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.combined).toEqual([
      [null, 2],
      [null, null],
    ]);
    expect((await call('GET', `/api/v1/interaction-matrices/${matrix.id}`)).status).toBe(200);
  });
});

describe('Sami consultations', () => {
  let samebyId: string;
  let consultationId: string;

  beforeAll(async () => {
    const sameby = await call('POST', '/api/v1/actors', {
      cookie: editor,
      payload: { name: 'Testsameby', kind: 'sameby', level: 'local' },
    });
    samebyId = sameby.body.id;
  });

  test('the rules of the record are checked at their fields', async () => {
    const bad = await call('POST', '/api/v1/sami-consultations', {
      cookie: editor,
      payload: { matterKind: 'effort', matterTitle: 'X', initiatedBy: 'region', outcome: 'agreement' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual([
      'body.effortId',
      'body.outcomeOn',
      'body.partyIds',
    ]);
    const exempt = await call('POST', '/api/v1/sami-consultations', {
      cookie: editor,
      payload: { matterKind: 'decision', matterTitle: 'Y', initiatedBy: 'region', outcome: 'exempted' },
    });
    expect(exempt.body.errors).toEqual([
      { field: 'body.exemptionGround', message: 'an exemption (§ 4) needs its ground' },
    ]);
  });

  test('a consultation on an effort takes it out of the Sami suggestions; a decision while open warns', async () => {
    const created = await call('POST', '/api/v1/sami-consultations', {
      cookie: editor,
      payload: {
        matterKind: 'effort',
        matterTitle: 'Vindpark i Krokom',
        effortId: windEffortId,
        significance: 'Betesmark och flyttled',
        initiatedBy: 'sami_party',
        requestedOn: '2026-01-10',
        partyIds: [samebyId],
        meetings: [{ date: '2026-02-01', form: 'Möte', note: 'Första mötet' }],
        documents: [{ title: 'Minnesanteckningar', url: 'https://example.org/a' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    consultationId = created.body.id;
    expect(created.body.warnings).toEqual([]);
    const queue = (await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: editor })).body;
    expect(queue.items.some((s: Json) => s.key === `sami-place:${windEffortId}`)).toBe(false);

    const decided = await call('PATCH', `/api/v1/sami-consultations/${consultationId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { decisionText: 'Medfinansiering beviljad', decisionOn: '2026-03-01' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.warnings.map((w: Json) => w.code)).toEqual(['decision_while_open']);

    // The conflict linked to the same effort has a handled step: it warns too.
    const conflicts = (await call('GET', '/api/v1/goal-conflicts?q=Vindkraft', { cookie: editor })).body
      .items;
    const conflict = (await call('GET', `/api/v1/goal-conflicts/${conflicts[0].id}`, { cookie: editor }))
      .body;
    expect(conflict.warnings).toEqual([
      expect.objectContaining({ code: 'decision_while_consultation_open', consultationId }),
    ]);

    const ended = await call('PATCH', `/api/v1/sami-consultations/${consultationId}`, {
      cookie: editor,
      ifMatch: '"2"',
      payload: { outcome: 'no_agreement_declared', outcomeOn: '2026-02-20' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.warnings).toEqual([]);
    const stale = await call('PATCH', `/api/v1/sami-consultations/${consultationId}`, {
      cookie: editor,
      ifMatch: '"2"',
      payload: { outcomeNote: 'x' },
    });
    expect(stale.status).toBe(412);
  });

  test('only Sami parties can be parties', async () => {
    const bad = await call('POST', '/api/v1/sami-consultations', {
      cookie: editor,
      payload: { matterKind: 'document', matterTitle: 'X', initiatedBy: 'region', partyIds: [fx.orgA.id] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['body.partyIds.0']);
  });

  test('a partner sees only consultations its organisation is party to, without internal co-party names; the public none', async () => {
    const internalParty = await call('POST', '/api/v1/actors', {
      cookie: editor,
      payload: { name: 'Intern samisk förening', kind: 'sami_organisation', level: 'local' },
    });
    await createUser(
      t.database.db,
      { system: 'test', regionCode: '23' },
      {
        email: 'sameby@test.example',
        name: 'Samebyns partner',
        role: 'partner',
        organisationId: samebyId,
        password: testPassword,
      },
    );
    const samebyPartner = await signIn(t.app, 'sameby@test.example');
    const other = await call('POST', '/api/v1/sami-consultations', {
      cookie: editor,
      payload: {
        matterKind: 'document',
        matterTitle: 'Samebyns samråd',
        initiatedBy: 'region',
        partyIds: [samebyId, internalParty.body.id],
      },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const seen = (await call('GET', '/api/v1/sami-consultations', { cookie: samebyPartner })).body.items;
    expect(seen.map((c: Json) => c.matterTitle).sort()).toEqual(['Samebyns samråd', 'Vindpark i Krokom']);
    const shown = seen.find((c: Json) => c.matterTitle === 'Samebyns samråd');
    expect(shown.parties.map((p: Json) => p.name).sort()).toEqual(['Annan part', 'Testsameby']);
    // The effort is internal and not the sameby's own: its title is not shown.
    expect(seen.find((c: Json) => c.matterTitle === 'Vindpark i Krokom').effort).toBeNull();
    expect((await call('GET', '/api/v1/sami-consultations', { cookie: partner })).body.items).toEqual([]);
    expect(
      (await call('GET', `/api/v1/sami-consultations/${other.body.id}`, { cookie: partner })).status,
    ).toBe(404);
    expect((await call('GET', '/api/v1/sami-consultations')).status).toBe(401);
    expect(
      (await call('GET', '/api/v1/sami-consultations', { cookie: viewer })).body.items.length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('an effort named in a consultation or conflict cannot be removed under it', async () => {
    const effort = await call('GET', `/api/v1/efforts/${windEffortId}`, { cookie: editor });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/efforts/${windEffortId}`,
      headers: { cookie: editor, 'if-match': effort.response.headers.etag as string },
    });
    expect(removed.statusCode, removed.body).toBe(409);
    expect(removed.json().code).toBe('IN_USE');
  });
});

describe('edge cases', () => {
  test('renaming and adding scorers keeps the scores; removed nodes take their scores with them, into the audit trail', async () => {
    const created = await call('POST', '/api/v1/interaction-matrices', {
      cookie: editor,
      payload: {
        title: 'Kantfall',
        nodes: [
          { kind: 'own_goal', label: '-Minskade utsläpp' },
          { kind: 'own_goal', label: '+Tillväxt' },
          { kind: 'own_goal', label: 'Tredje' },
        ],
        scorers: [{ name: '@Anna' }, { name: 'Björn' }],
      },
    });
    const m = created.body;
    const [a, b, c] = m.nodes.map((n: Json) => n.id);
    const [anna, bjorn] = m.scorers.map((s: Json) => s.id);
    await call('PUT', `/api/v1/interaction-matrices/${m.id}/scorers/${anna}/scores`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {
        scores: [
          { rowNodeId: a, columnNodeId: b, score: -2, rationale: 'Skäl' },
          { rowNodeId: a, columnNodeId: c, score: 1 },
        ],
      },
    });
    // Swap the two names and add a third scorer, all with ids kept.
    const renamed = await call('PATCH', `/api/v1/interaction-matrices/${m.id}`, {
      cookie: editor,
      ifMatch: '"2"',
      payload: {
        scorers: [{ id: anna, name: 'Björn' }, { id: bjorn, name: '@Anna' }, { name: 'Cecilia' }],
      },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.scorers.map((s: Json) => [s.name, s.scoredCells])).toEqual([
      ['@Anna', 0],
      ['Björn', 2],
      ['Cecilia', 0],
    ]);
    const empty = await call('PATCH', `/api/v1/interaction-matrices/${m.id}`, {
      cookie: editor,
      ifMatch: '"3"',
      payload: {},
    });
    expect(empty.body.version).toBe(3);

    // Labels and names that start with - + @ survive an export and an import (the export defuses them).
    const csv = await call('GET', `/api/v1/interaction-matrices/${m.id}/scores?format=csv`, {
      cookie: editor,
    });
    expect(csv.response.body).toContain("Björn;'-Minskade utsläpp;'+Tillväxt;-2;Skäl");
    const back = await call('POST', `/api/v1/interaction-matrices/${m.id}/scores/import?dryRun=false`, {
      cookie: editor,
      headers: { 'content-type': 'text/csv' },
      payload: csv.response.body,
    });
    expect(back.body).toMatchObject({ dryRun: false, unchanged: 2 });
    const combined = await call('GET', `/api/v1/interaction-matrices/${m.id}/combined?format=csv`, {
      cookie: editor,
    });
    expect(combined.response.body.split(/\r?\n/)[0]).toContain(";'-Minskade utsläpp;'+Tillväxt;");

    // An import that says which version it read is refused when the matrix has moved on.
    const stale = await call('POST', `/api/v1/interaction-matrices/${m.id}/scores/import`, {
      cookie: editor,
      ifMatch: '"1"',
      headers: { 'content-type': 'text/csv' },
      payload: 'Bedömare;Rad;Kolumn;Poäng\nCecilia;Tredje;+Tillväxt;1\n',
    });
    expect(stale.status).toBe(412);
    const dry = await call('POST', `/api/v1/interaction-matrices/${m.id}/scores/import?dryRun=true`, {
      cookie: editor,
      ifMatch: '"3"',
      headers: { 'content-type': 'text/csv' },
      payload: 'Bedömare;Rad;Kolumn;Poäng\nCecilia;Tredje;+Tillväxt;1\n',
    });
    expect(dry.body).toMatchObject({ dryRun: true, inserted: 1 });
    expect((await call('GET', `/api/v1/interaction-matrices/${m.id}`, { cookie: editor })).body.version).toBe(
      3,
    );

    const removed = await call('PATCH', `/api/v1/interaction-matrices/${m.id}`, {
      cookie: editor,
      ifMatch: '"3"',
      payload: {
        nodes: [
          { id: a, kind: 'own_goal', label: '-Minskade utsläpp' },
          { id: c, kind: 'own_goal', label: 'Tredje' },
        ],
      },
    });
    expect(removed.status).toBe(200);
    const updates = await t.database.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, m.id), eq(schema.auditEvents.action, 'update')));
    const removal = updates.find((u) => JSON.stringify(u.changes).includes('removedScores'));
    expect(JSON.stringify(removal?.changes)).toContain('"rationale":"Skäl"');
  });

  test('a conflict: an empty change makes no version; a blank identification is named at its field', async () => {
    const created = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: { title: 'Tom ändring', severity: 1, madeVisibleBy: 'other' },
    });
    const empty = await call('PATCH', `/api/v1/goal-conflicts/${created.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {},
    });
    expect(empty.body.version).toBe(1);
    const blank = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: { title: 'X', severity: 1, madeVisibleBy: 'other', identified: { date: today, text: ' ' } },
    });
    expect(blank.body.errors).toEqual([{ field: 'body.identified.text', message: 'describe the step' }]);
  });

  test('three editors turning the same suggestion into a conflict at once make one conflict', async () => {
    const effort = await call('POST', '/api/v1/efforts', {
      cookie: editor,
      payload: {
        title: 'Samtidigt',
        status: 'planned',
        assessments: [{ dimension: 'social', score: -3, rationale: 'Skäl' }],
      },
    });
    const queue = (await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: editor })).body.items;
    const s = queue.find((x: Json) => x.key === `assessment:${effort.body.id}`);
    const attempts = await Promise.all(
      [1, 2, 3].map((n) =>
        call('POST', '/api/v1/goal-conflicts', {
          cookie: editor,
          payload: {
            title: `Samtidig ${n}`,
            severity: 2,
            madeVisibleBy: 'effort_assessment',
            fromSuggestion: { key: s.key, inputsHash: s.inputsHash },
          },
        }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  test('a converted suggestion does not come back when a score that did not raise it changes', async () => {
    const effort = await call('POST', '/api/v1/efforts', {
      cookie: editor,
      payload: {
        title: 'Gruva',
        status: 'planned',
        reach: { municipalities: [{ areaCode: '2380', share: 100 }] },
        assessments: [
          { dimension: 'economic', score: 3 },
          { dimension: 'environmental', score: -2, rationale: 'Vatten' },
        ],
      },
    });
    const queue = async () =>
      (await call('GET', '/api/v1/goal-conflict-suggestions', { cookie: editor })).body.items;
    const s = (await queue()).find((x: Json) => x.key === `assessment:${effort.body.id}`);
    const converted = await call('POST', '/api/v1/goal-conflicts', {
      cookie: editor,
      payload: {
        title: 'Gruva mot vatten',
        severity: 3,
        madeVisibleBy: 'effort_assessment',
        fromSuggestion: { key: s.key, inputsHash: s.inputsHash },
      },
    });
    expect(converted.status).toBe(201);
    await call('PATCH', `/api/v1/efforts/${effort.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {
        assessments: [
          { dimension: 'economic', score: 3 },
          { dimension: 'environmental', score: -2, rationale: 'Vatten' },
          { dimension: 'social', score: 1 },
        ],
      },
    });
    expect((await queue()).some((x: Json) => x.key === s.key)).toBe(false);
  });
});
