import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Each test walks a whole page with charts and runs axe more than once.
test.describe.configure({ timeout: 90_000 });

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

/** "−2" (Unicode minus, as the UI writes it) from a number. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

/** The shipped example matrix, to know what the demo must show. */
type Example = {
  title: string;
  nodes: { key: string; label: string }[];
  scorers: { key: string; name: string }[];
  scores: { scorer: string; row: string; column: string; score: number }[];
};
const example = JSON.parse(
  readFileSync(new URL('../data/regions/23/example-interaction-matrix.json', import.meta.url), 'utf8'),
) as Example;
const labelOf = new Map(example.nodes.map((n) => [n.key, n.label]));
/** Cells where the scorers are 3 or more apart, as "row → column" with the scores by scorer. */
const exampleDisagreements = (() => {
  const cells = new Map<string, Map<string, number>>();
  for (const s of example.scores) {
    const key = `${labelOf.get(s.row)} → ${labelOf.get(s.column)}`;
    const byScorer = cells.get(key) ?? new Map<string, number>();
    byScorer.set(s.scorer, s.score);
    cells.set(key, byScorer);
  }
  return [...cells]
    .filter(([, byScorer]) => Math.max(...byScorer.values()) - Math.min(...byScorer.values()) >= 3)
    .map(([cell, byScorer]) => ({ cell, byScorer }));
})();
/** Links with a median of ±2 or ±3 (three scorers: the median is the middle score). */
const exampleStrongLinks = (() => {
  const cells = new Map<string, number[]>();
  for (const s of example.scores) {
    const key = `${s.row}|${s.column}`;
    cells.set(key, [...(cells.get(key) ?? []), s.score]);
  }
  return [...cells.values()].filter((scores) => {
    const sorted = [...scores].sort((a, b) => a - b);
    return Math.abs(sorted[Math.floor(sorted.length / 2)] as number) >= 2;
  }).length;
})();

/** The cell of the heatmap for row i and column j (0-based; the diagonal is a cell too). */
const heatCell = (heatmap: Locator, i: number, j: number) =>
  heatmap.locator('tbody tr').nth(i).locator('td').nth(j);

test.describe('Samspelsmatriser, anonymous', () => {
  test('the example matrix: heatmap, ranking, cells to discuss and the network', async ({ page }) => {
    await page.goto('/samspelsmatriser');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samspelsmatriser');
    await expect(page.getByRole('heading', { name: 'Så fungerar metoden' })).toBeVisible();
    const card = page.getByTestId('matrix-list').locator('li', { hasText: example.title });
    await expect(card).toContainText('Exempeldata');
    await expect(card).toContainText('12 mål · 3 bedömare');
    // Anonymous visitors see no create form and no visibility badges.
    await expect(page.getByText('Skapa en ny samspelsmatris')).toHaveCount(0);
    await expect(card).not.toContainText('Publicerad');
    await expectNoViolations(page);

    await card.getByRole('link', { name: example.title }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(example.title);
    await expect(page.getByTestId('example-note')).toContainText('påhittade');

    // Heatmap: 12 rows, row i influences column j; Upplevelser → Bostäder is −3 (cancelling).
    const heatmap = page.getByTestId('heatmap');
    await expect(heatmap.locator('caption')).toContainText('median av 3 bedömare');
    await expect(heatmap.locator('tbody tr')).toHaveCount(12);
    await expect(heatmap.locator('tbody th')).toHaveText(example.nodes.map((n, i) => `${i + 1} ${n.label}`));
    const upplevelser = example.nodes.findIndex((n) => n.key === 'sa-upplevelser');
    const bostader = example.nodes.findIndex((n) => n.key === 'own-bostader');
    await expect(heatCell(heatmap, upplevelser, bostader)).toHaveText('\u22123');
    await expect(heatCell(heatmap, upplevelser, bostader)).toHaveAttribute('title', /omöjliggörande/);

    // Ranking: rank 1 first, ranks never go down the table.
    const ranking = page.getByTestId('ranking-table');
    const rows = ranking.locator('tbody tr');
    await expect(rows).toHaveCount(12);
    await expect(rows.first().locator('td').first()).toHaveText('1');
    await expect(rows.first().locator('th')).toHaveText('Utveckla styrkeområdena');
    await expect(rows.first().locator('td').last()).toHaveText('58,5');
    const ranks = (await rows.locator('td:first-child').allTextContents()).map(Number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await expect(page.getByText('½ · Σ a_ij · radsumma_j')).toBeVisible();
    await expect(page.getByTestId('ranking-chart').locator('svg')).toHaveCount(1);

    // Att diskutera: the six cells where the scorers are 3 or more apart, with each one's score.
    expect(exampleDisagreements).toHaveLength(6);
    const disagreements = page.getByTestId('disagreements');
    await expect(disagreements.locator('caption')).toHaveText(
      '6 celler där bedömarna skiljer sig med tre steg eller mer',
    );
    await expect(disagreements.locator('tbody th')).toHaveText(
      exampleDisagreements.map((d) => d.cell),
      { useInnerText: true },
    );
    for (const d of exampleDisagreements) {
      const row = disagreements.locator('tbody tr', { has: page.getByText(d.cell, { exact: true }) });
      const scores = example.scorers.map((s) => signed(d.byScorer.get(s.key) as number));
      await expect(row.locator('td')).toHaveText([...scores, /./, '3']);
    }
    const energy = disagreements.locator('tbody tr', {
      has: page.getByText('Hållbar energi → Livskraftig renskötsel', { exact: true }),
    });
    await expect(energy.locator('td')).toHaveText(['0', '\u22122', '\u22123', '\u22122', '3']);
    await expect(page.getByTestId('negative-links')).toContainText(
      'Upplevelser → Bostäder för arbetskraft: −3 omöjliggörande',
    );
    await expect(page.getByTestId('queue-note')).toContainText('granskningskön');

    // Network: an SVG chart; showing all links gives more than the strong ones.
    const network = page.getByTestId('network-graph');
    await expect(network.locator('svg')).toHaveCount(1);
    await expect(network).toHaveAttribute('aria-label', new RegExp(`med ${exampleStrongLinks} samband`));
    expect(await network.locator('svg path').count()).toBeGreaterThan(exampleStrongLinks);
    await page.getByLabel('Visa bara starka samband (±2 och ±3)').uncheck();
    await expect(network).not.toHaveAttribute('aria-label', new RegExp(`med ${exampleStrongLinks} samband`));
    await expect(page.getByTestId('network-text')).toContainText(
      'Utvecklingskraft i hela länet ⇄ Bostäder för arbetskraft',
    );

    // No scoring or import for the public; downloads are there.
    await expect(page.getByTestId('score-sheet')).toHaveCount(0);
    await expect(page.getByText('Importera poäng från fil')).toHaveCount(0);
    await expect(page.getByTestId('download-combined-csv')).toHaveAttribute('href', /combined\?format=csv$/);
    await expectNoViolations(page);
  });

  test('the pages in English pass axe too', async ({ page }) => {
    await gotoInLanguage(page, '/samspelsmatriser', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interaction matrices');
    await expectNoViolations(page);
    await page.getByRole('link', { name: example.title }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { name: 'Combined matrix' })).toBeVisible();
    await expect(page.getByTestId('ranking-table').locator('thead')).toContainText('Second order');
    await expect(page.getByTestId('heatmap').locator('tbody tr')).toHaveCount(12);
    // The node labels are Swedish user text, marked as such on the English page.
    await expect(page.getByTestId('heatmap').locator('tbody .row-label').first()).toHaveAttribute(
      'lang',
      'sv',
    );
    await expect(page.getByTestId('ranking-table').locator('tbody th').first()).toHaveAttribute('lang', 'sv');
    await expectNoViolations(page);
  });
});

test.describe('Samspelsmatriser, editor', () => {
  test('creates a matrix, scores it as two scorers, downloads and imports scores', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.goto('/samspelsmatriser');
    await waitForData(page);
    const title = `E2E-matris ${Date.now()}`;
    await page.getByText('Skapa en ny samspelsmatris').click();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    // Three nodes: a priority, a strength area and an own goal.
    await page.getByLabel('Långsiktig prioritering').selectOption('1');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await page.getByLabel('Etikett för mål 1').fill('Utvecklingskraft');
    await page.getByLabel('Typ av mål').selectOption('strength_area');
    await page.getByLabel('Styrkeområde', { exact: true }).selectOption('upplevelser');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await expect(page.getByLabel('Etikett för mål 2')).toHaveValue('Upplevelser');
    await page.getByLabel('Typ av mål').selectOption('own_goal');
    await page.getByLabel('Namn på det egna målet').fill('Bostäder');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    for (const name of ['Anna', 'Bertil']) {
      await page.getByLabel('Namn på ny bedömare').fill(name);
      await page.getByRole('button', { name: 'Lägg till bedömaren' }).click();
    }
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Skapa matrisen' }).click();
    await expect(page).toHaveURL(/\/samspelsmatriser\/[0-9a-f-]{36}$/);
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const heatmap = page.getByTestId('heatmap');
    await expect(heatmap.locator('tbody th')).toHaveText([
      '1 Utvecklingskraft',
      '2 Upplevelser',
      '3 Bostäder',
    ]);
    await expect(heatCell(heatmap, 0, 1)).toHaveText('·inte bedömd');

    // Anna scores three cells, one with a rationale.
    const sheet = page.getByTestId('score-sheet');
    await expect(sheet.getByLabel('Bedömare')).toHaveValue(await optionValue(sheet, 'Anna'));
    await sheet.getByLabel('Utvecklingskraft påverkar Upplevelser', { exact: true }).selectOption('2');
    await sheet
      .getByLabel('Motivering: Utvecklingskraft påverkar Upplevelser')
      .fill('Fler besökare i hela länet');
    await sheet.getByLabel('Utvecklingskraft påverkar Bostäder', { exact: true }).selectOption('-1');
    await sheet.getByLabel('Upplevelser påverkar Utvecklingskraft', { exact: true }).selectOption('1');
    await sheet.getByRole('button', { name: 'Spara poängen för Anna' }).click();
    await expect(sheet.getByRole('status')).toContainText('Poängen för Anna är sparade (3 celler)');
    await expect(heatCell(heatmap, 0, 1)).toHaveText('+2');

    // Bertil has his own, empty sheet.
    await sheet.getByLabel('Bedömare').selectOption({ label: 'Bertil' });
    await expect(sheet.getByLabel('Utvecklingskraft påverkar Upplevelser', { exact: true })).toHaveValue('');
    await sheet.getByLabel('Utvecklingskraft påverkar Upplevelser', { exact: true }).selectOption('3');
    await sheet.getByLabel('Utvecklingskraft påverkar Bostäder', { exact: true }).selectOption('2');
    await sheet.getByLabel('Bostäder påverkar Utvecklingskraft', { exact: true }).selectOption('-2');
    await sheet.getByRole('button', { name: 'Spara poängen för Bertil' }).click();
    await expect(sheet.getByRole('status')).toContainText('Poängen för Bertil är sparade (3 celler)');

    // Combined by hand: medians U→Up (2,3) = 2.5, U→B (−1,2) = 0.5, Up→U 1, B→U −2.
    await expect(heatCell(heatmap, 0, 1)).toHaveText('+2,5');
    await expect(heatCell(heatmap, 0, 2)).toHaveText('+0,5');
    await expect(heatCell(heatmap, 1, 0)).toHaveText('+1');
    await expect(heatCell(heatmap, 2, 0)).toHaveText('\u22122');
    // Row sums 3, 1, −2; second order ½·(2.5·1 + 0.5·(−2)) = 0.75, ½·(1·3) = 1.5, ½·(−2·3) = −3;
    // combined 3.75, 2.5, −5.
    const ranking = page.getByTestId('ranking-table').locator('tbody tr');
    await expect(ranking.locator('th')).toHaveText(['Utvecklingskraft', 'Upplevelser', 'Bostäder']);
    await expect(ranking.nth(0).locator('td')).toHaveText(['1', /^3 /, /^−1 /, '0,75', '3,75']);
    await expect(ranking.nth(1).locator('td')).toHaveText(['2', /^1 /, /^2,5 /, '1,5', '2,5']);
    await expect(ranking.nth(2).locator('td')).toHaveText(['3', /^−2 /, /^0,5 /, '−3', '−5']);
    // U→B: Anna −1, Bertil +2 is three apart; B→U −2 is a strong negative link.
    const disagreements = page.getByTestId('disagreements');
    await expect(disagreements.locator('tbody tr')).toHaveCount(1);
    await expect(disagreements.locator('tbody tr td')).toHaveText(['\u22121', '+2', '+0,5', '3']);
    await expect(page.getByTestId('negative-links')).toContainText(
      'Bostäder → Utvecklingskraft: −2 motverkande',
    );
    await expect(
      page.getByTestId('queue-note').getByRole('link', { name: 'Till granskningskön' }),
    ).toHaveAttribute('href', '/malkonflikter/forslag');

    // The scores as CSV: one row per scorer and cell, in the import format.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Poäng per bedömare som CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/).filter(Boolean)).toEqual([
      'Bedömare;Rad;Kolumn;Poäng;Motivering',
      'Anna;Utvecklingskraft;Upplevelser;2;Fler besökare i hela länet',
      'Anna;Utvecklingskraft;Bostäder;-1;',
      'Anna;Upplevelser;Utvecklingskraft;1;',
      'Bertil;Utvecklingskraft;Upplevelser;3;',
      'Bertil;Utvecklingskraft;Bostäder;2;',
      'Bertil;Bostäder;Utvecklingskraft;-2;',
    ]);

    // A file with a bad row: checked and imported, it is rejected with the row's reason; nothing changes.
    const file = page.getByLabel('Fil (CSV eller Excel)');
    const bad = 'Bedömare;Rad;Kolumn;Poäng\nAnna;Upplevelser;Bostäder;1\nBertil;Upplevelser;Bostäder;5\n';
    await file.setInputFiles({ name: 'poang.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    for (const button of ['Kontrollera filen', 'Importera']) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const errors = page.getByTestId('import-errors');
      await expect(errors.getByRole('alert')).toContainText('Ingenting importerades: 1 fel i filen');
      const problems = errors.getByRole('table', { name: 'Rader som inte kunde importeras' });
      await expect(problems.locator('tbody tr')).toHaveCount(1);
      await expect(problems.locator('tbody td').first()).toHaveText('rad 3, Poäng');
      await expect(problems.locator('tbody td').last()).toContainText(
        'poängen måste vara ett heltal från −3 till +3, inte "5"',
      );
    }
    await page.reload();
    await waitForData(page);
    await expect(heatCell(heatmap, 1, 2)).toHaveText('·inte bedömd');
    await expect(heatCell(heatmap, 0, 1)).toHaveText('+2,5');
    await expect(page.getByText('Anna: 3 av 6 celler bedömda')).toBeVisible();

    // The good row alone: the check writes nothing, the import does.
    const good = 'Bedömare;Rad;Kolumn;Poäng\nAnna;Upplevelser;Bostäder;1\n';
    await file.setInputFiles({ name: 'poang.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await expect(page.getByTestId('import-report')).toContainText(
      'ingenting har sparats. Rader med poäng: 1; nya poäng: 1,',
    );
    await expect(heatCell(heatmap, 1, 2)).toHaveText('·inte bedömd');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await expect(page.getByTestId('import-report')).toContainText(
      'Importen är klar. Rader med poäng: 1; nya poäng: 1,',
    );
    await expect(heatCell(heatmap, 1, 2)).toHaveText('+1');
    await expect(page.getByText('Anna: 4 av 6 celler bedömda')).toBeVisible();
    await expectNoViolations(page);
  });

  test('a sheet saved after a colleague saved gets 412; the reload keeps the unsaved cells', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    const matrix = await createSmallMatrix(page, 'E2E-konflikt');
    const [a, b, c] = matrix.nodes.map((n) => n.id) as [string, string, string];
    const scorer = matrix.scorers[0]?.id as string;
    await page.goto(`/samspelsmatriser/${matrix.id}`);
    await waitForData(page);
    const sheet = page.getByTestId('score-sheet');
    // The user scores A → B and B → A without saving.
    await sheet.getByLabel('Mål A påverkar Mål B', { exact: true }).selectOption('3');
    await sheet.getByLabel('Mål B påverkar Mål A', { exact: true }).selectOption('2');

    // Meanwhile a colleague saves the same scorer's sheet: A → C −1 and B → A −2.
    const colleague = await page.request.put(
      `/api/v1/interaction-matrices/${matrix.id}/scorers/${scorer}/scores`,
      {
        headers: { origin: baseUrl(), 'if-match': `"${matrix.version}"` },
        data: {
          scores: [
            { rowNodeId: a, columnNodeId: c, score: -1 },
            { rowNodeId: b, columnNodeId: a, score: -2 },
          ],
        },
      },
    );
    expect(colleague.status()).toBe(200);

    await sheet.getByRole('button', { name: 'Spara poängen för Cecilia' }).click();
    await expect(sheet.getByRole('alert')).toContainText('Någon annan har sparat ändringar i matrisen');
    await expect(sheet.getByRole('alert')).toContainText('dina osparade poäng ligger kvar');
    await sheet.getByRole('button', { name: 'Läs in matrisen igen' }).click();
    await expect(sheet.getByRole('status')).toContainText('Dina osparade poäng ligger kvar');
    // The user's cells are still there, the colleague's untouched cell came in, and the cell both
    // changed is flagged with the colleague's score.
    await expect(sheet.getByLabel('Mål A påverkar Mål B', { exact: true })).toHaveValue('3');
    await expect(sheet.getByLabel('Mål B påverkar Mål A', { exact: true })).toHaveValue('2');
    await expect(sheet.getByLabel('Mål A påverkar Mål C', { exact: true })).toHaveValue('-1');
    const conflicts = sheet.getByTestId('sheet-conflicts');
    await expect(conflicts).toContainText('en annan poäng i 1 cell som du också har ändrat');
    await expect(conflicts.locator('li')).toHaveText(['Mål B → Mål A: sparat \u22122, ditt +2']);
    await expect(sheet.locator('td[data-conflict]')).toHaveCount(1);
    await expect(sheet.locator('td[data-conflict]')).toContainText('Någon annan har sparat \u22122 här');

    // Saving again, without entering anything, sends the new version and keeps both changes.
    await sheet.getByRole('button', { name: 'Spara poängen för Cecilia' }).click();
    await expect(sheet.getByRole('status')).toContainText('Poängen för Cecilia är sparade (3 celler)');
    await expect(sheet.getByTestId('sheet-conflicts')).toHaveCount(0);
    await expect(heatCell(page.getByTestId('heatmap'), 0, 1)).toHaveText('+3');
    expect(await storedScores(page, matrix.id, scorer)).toEqual(
      [`${a}|${b}|3`, `${a}|${c}|-1`, `${b}|${a}|2`].sort(),
    );
  });

  test('unsaved cells survive a settings save, and the open settings form survives a score save', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    const matrix = await createSmallMatrix(page, 'E2E-inställningar');
    const [a, b] = matrix.nodes.map((n) => n.id) as [string, string, string];
    const scorer = matrix.scorers[0]?.id as string;
    await page.goto(`/samspelsmatriser/${matrix.id}`);
    await waitForData(page);
    const sheet = page.getByTestId('score-sheet');
    await sheet.getByLabel('Mål A påverkar Mål B', { exact: true }).selectOption('3');

    const settings = page.locator('#settings');
    await settings.getByText('Ändra titel, synlighet, mål och bedömare').click();
    await settings.getByLabel('Beskrivning').fill('Beskrivning från inställningarna');
    await settings.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(settings.getByRole('status')).toHaveText('Ändringarna är sparade.');
    await expect(
      page.getByRole('paragraph').filter({ hasText: 'Beskrivning från inställningarna' }),
    ).toBeVisible();
    // The unsaved cell is still in the sheet.
    await expect(sheet.getByLabel('Mål A påverkar Mål B', { exact: true })).toHaveValue('3');
    await expect(sheet).toContainText('Du har ändringar som inte är sparade.');

    // A draft in the open settings form is not dropped when the scores are saved.
    await settings.getByLabel('Titel', { exact: true }).fill('Utkast till ny titel');
    await sheet.getByRole('button', { name: 'Spara poängen för Cecilia' }).click();
    await expect(sheet.getByRole('status')).toContainText('Poängen för Cecilia är sparade (1 cell)');
    await expect(settings.getByLabel('Titel', { exact: true })).toHaveValue('Utkast till ny titel');
    expect(await storedScores(page, matrix.id, scorer)).toEqual([`${a}|${b}|3`]);

    // "Senast ändrad" is the time in Sweden, in Swedish.
    const stored = await page.request.get(`/api/v1/interaction-matrices/${matrix.id}`);
    const body = (await stored.json()) as { updatedAt: string; description: string };
    expect(body.description).toBe('Beskrivning från inställningarna');
    const expected = new Intl.DateTimeFormat('sv-SE', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Stockholm',
    }).format(new Date(body.updatedAt));
    await expect(page.locator('.facts time')).toHaveText(expected);
  });
});

type SmallMatrix = { id: string; version: number; nodes: { id: string }[]; scorers: { id: string }[] };

/** A matrix with the own goals Mål A, B and C and the scorer Cecilia, made through the API. */
async function createSmallMatrix(page: Page, title: string): Promise<SmallMatrix> {
  const created = await page.request.post('/api/v1/interaction-matrices', {
    headers: { origin: baseUrl() },
    data: {
      title: `${title} ${Date.now()}`,
      visibility: 'internal',
      nodes: ['Mål A', 'Mål B', 'Mål C'].map((label) => ({ kind: 'own_goal', label })),
      scorers: [{ name: 'Cecilia' }],
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as SmallMatrix;
}

/** A scorer's stored scores as sorted "row|column|score". */
async function storedScores(page: Page, id: string, scorer: string): Promise<string[]> {
  const response = await page.request.get(`/api/v1/interaction-matrices/${id}/scores?scorer=${scorer}`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as {
    items: { rowNodeId: string; columnNodeId: string; score: number }[];
  };
  return items.map((s) => `${s.rowNodeId}|${s.columnNodeId}|${s.score}`).sort();
}

/** The value of the option with the given text in the sheet's scorer select. */
async function optionValue(sheet: Locator, label: string): Promise<string> {
  return (
    (await sheet.getByLabel('Bedömare').locator('option', { hasText: label }).getAttribute('value')) ?? ''
  );
}
