import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, sv, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MEETING = 'Workshop: skogsbaserad förädling';

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

/** The date `days` before today in Sweden (YYYY-MM-DD). */
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - days * 86_400_000),
  );

const lessonCard = (page: Page, title: string) =>
  page.getByTestId('s3l-lesson').filter({ has: page.getByRole('heading', { name: title }) });
const changeCard = (page: Page, summary: string) =>
  page.getByTestId('s3l-change').filter({ hasText: summary });

test.describe('the learning log', () => {
  test('an editor records a lesson from a meeting and a change citing it; the log shows the trace both ways', async ({
    page,
  }) => {
    test.slow(); // two forms, reloads and axe
    const stamp = Date.now().toString(36);
    const title = `Lärdom om förädling ${stamp}`;
    const summary = `Förädling blir en egen insats ${stamp}`;
    await signInAs(page, 'editor');

    // The lesson, citing a demo meeting found by searching.
    await page.goto('/smart-specialisering/larlogg');
    await waitForData(page);
    await page.getByTestId('s3l-new-lesson').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny lärdom');
    await waitForData(page);
    await page.getByLabel('Rubrik').fill(title);
    await page.getByLabel('Lärdom', { exact: true }).fill('Små företag vill förädla tillsammans.');
    await page.getByLabel('Underlag (valfritt)').fill('Inspel vid workshopen.');
    await page.getByLabel('Datum').fill(daysAgo(3));
    await page.getByLabel('Styrkeområde').selectOption({ label: 'Jord, skog och vatten' });
    await page.getByTestId('s3l-meeting-search').fill('skogsbaserad');
    const picker = page.getByTestId('s3l-meeting-picker');
    await picker.getByRole('checkbox', { name: new RegExp(MEETING) }).check();
    await expectNoViolations(page);
    await page.getByTestId('s3l-save').click();
    await expect(page.getByTestId('s3l-saved')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(
      page.getByTestId('s3l-lesson-meetings').getByRole('link', { name: MEETING }),
    ).toHaveAttribute('href', /^\/smart-specialisering\/moten\/[0-9a-f-]{36}$/);

    // The change: refused without a lesson (message at the field), then saved citing it.
    await page.goto('/smart-specialisering/larlogg/beslut/ny');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt beslut om ändrad prioritering');
    await page.getByLabel('Vad ändrades').selectOption('action_plan');
    await page.getByLabel('Styrkeområde').selectOption({ label: 'Jord, skog och vatten' });
    await page.getByLabel('Beslutet', { exact: true }).fill(summary);
    await page.getByLabel('Beslutsdatum').fill(daysAgo(1));
    await page.getByTestId('s3l-save').click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    await expect(page.getByTestId('s3l-lessons-error')).toHaveText(/Välj minst en lärdom/);
    await expect(page).toHaveURL(/\/beslut\/ny$/);
    await page.getByLabel('Sök lärdom').fill(stamp);
    await page
      .getByTestId('s3l-lesson-picker')
      .getByRole('checkbox', { name: new RegExp(title) })
      .check();
    await expectNoViolations(page);
    await page.getByTestId('s3l-save').click();
    await expect(page.getByTestId('s3l-saved')).toBeVisible();
    await expect(page.getByTestId('s3l-builds-on').getByRole('link', { name: title })).toBeVisible();

    // After a reload the log shows both, each linked to the other.
    await page.goto('/smart-specialisering/larlogg?omrade=jord-skog-och-vatten');
    await page.reload();
    await waitForData(page);
    await expect(page.getByTestId('s3l-area-filter')).toHaveValue('jord-skog-och-vatten');
    const lesson = lessonCard(page, title);
    await expect(lesson.getByTestId('s3l-led-to').getByRole('link', { name: summary })).toBeVisible();
    await expect(lesson.getByRole('link', { name: MEETING })).toBeVisible();
    const change = changeCard(page, summary);
    await expect(change.getByRole('heading')).toHaveText('Ändrat: Handlingsplanen');
    await expect(change.getByTestId('s3l-builds-on').getByRole('link', { name: title })).toBeVisible();
    // The change links to the lesson's page, which links back.
    await change.getByTestId('s3l-builds-on').getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('s3l-led-to').getByRole('link', { name: summary })).toBeVisible();

    // A cited lesson cannot be removed.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('s3l-delete').click();
    await expect(page.getByTestId('s3l-delete-error')).toContainText('ett beslut bygger på den');
  });

  test('anonymous readers see the log with the example lessons and changes, no edit controls; axe sv and en', async ({
    page,
  }) => {
    test.slow(); // axe twice
    await gotoInLanguage(page, '/smart-specialisering/larlogg', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lärlogg');
    await expect(page.getByTestId('s3l-lesson').first()).toBeVisible();
    await expect(page.getByTestId('s3l-change').first()).toBeVisible();
    await expect(page.getByTestId('s3l-new-lesson')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ändra', exact: true })).toHaveCount(0);
    const upplevelser = changeCard(page, 'året runt');
    await expect(upplevelser.getByText('Exempel', { exact: true })).toBeVisible();
    await expectNoViolations(page);
    await page.getByTestId('s3l-area-filter').selectOption('upplevelser');
    await expect(page).toHaveURL(/omrade=upplevelser/);
    await waitForData(page);
    await expect(page.getByTestId('s3l-lesson').filter({ hasText: 'Upplevelser året runt' })).toBeVisible();

    await gotoInLanguage(page, '/smart-specialisering/larlogg', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning log');
    await expect(page.getByText('Led to:').first()).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe('participation', () => {
  test('charts and tables with the numbers of the API; half-years; axe sv and en', async ({ page }) => {
    test.slow();
    await gotoInLanguage(page, '/smart-specialisering/deltagande', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deltagande');
    const api = await (await page.request.get('/api/v1/s3/participation?period=year')).json();
    expect(api.periods.length).toBeGreaterThan(0);
    for (const id of ['s3l-helix', 's3l-sex', 's3l-new', 's3l-municipalities']) {
      await expect(page.getByTestId(id).locator('.chart svg')).toBeVisible();
    }
    const helixRows = page.getByTestId('s3l-helix-table').locator('tbody tr');
    await expect(helixRows).toHaveCount(api.periods.length);
    for (const [i, p] of api.periods.entries()) {
      const cells = helixRows.nth(i).locator('th, td');
      await expect(cells).toHaveText([
        p.period,
        sv(p.organisations.public),
        sv(p.organisations.business),
        sv(p.organisations.academia),
        sv(p.organisations.civil_society),
        sv(p.organisations.total),
      ]);
      const sexCells = page.getByTestId('s3l-sex-table').locator('tbody tr').nth(i).locator('td');
      await expect(sexCells).toHaveText([
        sv(p.meetings),
        sv(p.participants.women),
        sv(p.participants.men),
        sv(p.participants.other),
        sv(p.participants.total),
        sv(p.meetingsWithoutCounts),
      ]);
      const newCells = page.getByTestId('s3l-new-table').locator('tbody tr').nth(i).locator('td');
      await expect(newCells).toHaveText([
        sv(p.newOrganisations),
        sv(p.returningOrganisations),
        sv(p.organisations.total),
      ]);
      const muniCells = page.getByTestId('s3l-municipalities-table').locator('tbody tr').nth(i).locator('td');
      await expect(muniCells.first()).toHaveText(sv(p.municipalities.length));
    }
    await expect(page.getByTestId('s3l-part-scope')).toHaveText('Siffrorna bygger på publicerade möten.');
    // The totals of the whole selection, in Swedish number format, and what "new" means.
    const totals = page.getByTestId('s3l-part-totals');
    await expect(totals.locator('dd')).toHaveText([
      sv(api.totals.meetings),
      sv(api.totals.participants.total),
      sv(api.totals.organisations.total),
      sv(api.totals.municipalities.length),
    ]);
    await expect(page.getByTestId('s3l-part-new-explained')).toContainText('för första gången');
    await expect(page.getByTestId('s3l-sex-table').locator('thead')).toContainText('Annat eller ej angett');
    await expectNoViolations(page);

    // One area, per half-year.
    await page.getByTestId('s3l-part-area').selectOption('hallbar-energi');
    await page.getByTestId('s3l-part-period').selectOption('halvar');
    await expect(page).toHaveURL(/omrade=hallbar-energi/);
    await expect(page).toHaveURL(/period=halvar/);
    await waitForData(page);
    const half = await (
      await page.request.get('/api/v1/s3/participation?period=half&area=hallbar-energi')
    ).json();
    const rows = page.getByTestId('s3l-helix-table').locator('tbody th');
    await expect(rows).toHaveCount(half.periods.length);
    if (half.periods.length) await expect(rows.first()).toHaveText(/halvår [12]$/);
    await expect(page.getByRole('link', { name: 'Tabell (CSV)' })).toHaveAttribute(
      'href',
      /area=hallbar-energi/,
    );

    await gotoInLanguage(page, '/smart-specialisering/deltagande', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Participation');
    await expect(page.getByRole('heading', { name: 'Organisations by type' })).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe('editing an entry', () => {
  test('an edit sends only what changed; after a colleague saved, their values are shown and kept', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    const stamp = Date.now().toString(36);
    const write = { origin: baseUrl() };
    const created = await page.request.post('/api/v1/s3/lessons', {
      headers: write,
      data: { title: `Samtidig ${stamp}`, lesson: 'Första texten.', learnedOn: daysAgo(10), meetingIds: [] },
    });
    expect(created.status()).toBe(201);
    const lesson = await created.json();
    await page.goto(`/smart-specialisering/larlogg/lardom/${lesson.id}/andra`);
    await waitForData(page);
    await expect(page.getByLabel('Rubrik')).toHaveValue(`Samtidig ${stamp}`);

    // Saving unchanged writes nothing: still version 1.
    await page.getByTestId('s3l-save').click();
    await expect(page).toHaveURL(new RegExp(`/lardom/${lesson.id}$`));
    expect((await (await page.request.get(`/api/v1/s3/lessons/${lesson.id}`)).json()).version).toBe(1);

    // A colleague changes the title while this user changes the lesson text.
    await page.goto(`/smart-specialisering/larlogg/lardom/${lesson.id}/andra`);
    await waitForData(page);
    const colleague = await page.request.patch(`/api/v1/s3/lessons/${lesson.id}`, {
      headers: { ...write, 'if-match': '"1"' },
      data: { title: `Kollegans rubrik ${stamp}` },
    });
    expect(colleague.status()).toBe(200);
    await page.getByLabel('Lärdom', { exact: true }).fill('Min nya text.');
    await page.getByTestId('s3l-save').click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan sparade posten');
    await expect(page.getByTestId('s3l-stale-taken')).toContainText(`Kollegans rubrik ${stamp}`);
    await expect(page.getByLabel('Rubrik')).toHaveValue(`Kollegans rubrik ${stamp}`);
    await expect(page.getByLabel('Lärdom', { exact: true })).toHaveValue('Min nya text.');
    await expectNoViolations(page);
    await page.getByTestId('s3l-save').click();
    await expect(page.getByTestId('s3l-saved')).toBeVisible();
    const saved = await (await page.request.get(`/api/v1/s3/lessons/${lesson.id}`)).json();
    expect(saved).toMatchObject({ title: `Kollegans rubrik ${stamp}`, lesson: 'Min nya text.', version: 3 });
  });
});
