/**
 * Smart specialisation, the "done when" path in one go, all through the web app: an
 * officer records a meeting with its participants and input, takes the input into the action
 * plan as an initiative linked to an effort, records a lesson from the meeting and a priority
 * change that cites it, and sees the step status and the self-assessment radar on the area page.
 * CI runs this file on PGlite (with the other browser tests) and again on PostgreSQL
 * (E2E_DATABASE_URL, see .ci/run).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAs, waitForData } from './helpers';

const AREA = 'Jord, skog och vatten';
const AREA_SLUG = 'jord-skog-och-vatten';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** The date `days` before today in Sweden (YYYY-MM-DD), as date fields take it. */
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - days * 86_400_000),
  );

async function addOrganisation(page: Page, search: string, name: string) {
  await page.getByLabel('Sök organisation i aktörsregistret').fill(search);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('button', { name: `Lägg till ${name}` }).click();
  await expect(page.getByTestId('chosen-organisations')).toContainText(name);
}

test('an officer goes from a meeting to the action plan and the learning log, and sees the steps and the radar', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const meetingTitle = `Dialogmöte om lokal förädling ${stamp}`;
  const inputText = `Gemensam torkning och hyvling för småskaliga sågverk ${stamp}`;
  const initiativeTitle = `Förädlingsnätverk för småskaliga sågverk ${stamp}`;
  const lessonTitle = `Småskaliga sågverk vill samverka ${stamp}`;
  const changeSummary = `Lokal förädling blir ett eget delområde ${stamp}`;
  await signInAs(page, 'editor');

  // 1. The meeting, with two organisations from the actor register and the counts by sex.
  await page.goto('/smart-specialisering/moten');
  await waitForData(page);
  await page.getByRole('link', { name: 'Nytt möte' }).click();
  await waitForData(page);
  await page.getByLabel('Rubrik', { exact: true }).fill(meetingTitle);
  await page.getByLabel('Datum').fill(daysAgo(7));
  await page.getByLabel('Börjar').fill('09:00');
  await page.getByLabel('Slutar').fill('12:00');
  await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Workshop' });
  await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Krokom' });
  await page.getByRole('checkbox', { name: AREA }).check();
  await addOrganisation(page, 'Mittuniv', 'Mittuniversitetet');
  await addOrganisation(page, 'Fjällturism', 'Fjällturism i Åre AB (exempel)');
  await page.getByLabel('Kvinnor').fill('7');
  await page.getByLabel('Män').fill('5');
  await page.getByLabel('Annat eller ej angett').fill('0');
  await page.getByRole('button', { name: 'Spara mötet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingTitle);
  await expect(page.getByTestId('helix-academia')).toContainText('Mittuniversitetet');
  await expect(page.getByTestId('helix-business')).toContainText('Fjällturism i Åre AB (exempel)');
  await expect(page.getByTestId('meeting-counts').locator('tbody td')).toHaveText(['7', '5', '0', '12']);
  const meetingUrl = page.url();

  // 2. Input raised at the meeting.
  const add = page.getByTestId('add-input');
  await add.getByLabel('Typ av inspel').selectOption({ label: 'Förslag' });
  await add.getByLabel('Organisation som lyfte det').selectOption({ label: 'Mittuniversitetet' });
  await add.getByLabel('Inspel', { exact: true }).fill(inputText);
  await add.getByRole('button', { name: 'Lägg till' }).click();
  const item = page.getByTestId('input-item').filter({ hasText: inputText });
  await expect(item.getByTestId('input-status')).toHaveText('Nytt');

  // 3. The input becomes an initiative of the action plan, linked to an effort.
  await item.getByTestId('to-initiative').click();
  await waitForData(page);
  await expect(page.getByTestId('source-inputs')).toContainText(inputText);
  await expect(page.getByLabel('Styrkeområde')).toHaveValue(AREA_SLUG);
  await page.getByLabel('Titel').fill(initiativeTitle);
  await page.getByLabel('Status').selectOption({ label: 'Pågående' });
  await page.getByLabel('Ansvarig').fill('Region Jämtland Härjedalen');
  await page.getByLabel('Sök insats').fill('Skogsbaserade material');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const hit = page.getByTestId('effort-hits').locator('li').first();
  const effortTitle = ((await hit.locator('span').first().textContent()) ?? '').trim();
  expect(effortTitle).toContain('Skogsbaserade material');
  await hit.getByRole('button').click();
  await expect(page.getByTestId('chosen-efforts')).toContainText(effortTitle);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Spara initiativet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(initiativeTitle);
  await expect(page.getByTestId('initiative-efforts').getByRole('link', { name: effortTitle })).toBeVisible();
  await expect(page.getByTestId('initiative-source')).toContainText(inputText);

  // The meeting now shows the input as taken into the plan, linking to the initiative.
  await page.goto(meetingUrl);
  await waitForData(page);
  await expect(item.getByTestId('input-status')).toHaveText('Med i handlingsplanen');
  await expect(item.getByRole('link', { name: new RegExp(initiativeTitle) })).toBeVisible();

  // 4. A lesson from the meeting.
  await page.goto('/smart-specialisering/larlogg');
  await waitForData(page);
  await page.getByTestId('s3l-new-lesson').click();
  await waitForData(page);
  await page.getByLabel('Rubrik').fill(lessonTitle);
  await page
    .getByLabel('Lärdom', { exact: true })
    .fill('Sågverken vill dela torkning och hyvling för att kunna sälja förädlat virke.');
  await page.getByLabel('Underlag (valfritt)').fill('Inspelet vid dialogmötet och två intervjuer.');
  await page.getByLabel('Datum').fill(daysAgo(5));
  await page.getByLabel('Styrkeområde').selectOption({ label: AREA });
  await page.getByTestId('s3l-meeting-search').fill(stamp);
  await page
    .getByTestId('s3l-meeting-picker')
    .getByRole('checkbox', { name: new RegExp(meetingTitle) })
    .check();
  await page.getByTestId('s3l-save').click();
  await expect(page.getByTestId('s3l-saved')).toBeVisible();
  await expect(
    page.getByTestId('s3l-lesson-meetings').getByRole('link', { name: meetingTitle }),
  ).toBeVisible();
  // The meeting page links back to the lesson that cites it.
  await page.goto(meetingUrl);
  await waitForData(page);
  await expect(page.getByTestId('meeting-lessons').getByRole('link', { name: lessonTitle })).toHaveAttribute(
    'href',
    /\/smart-specialisering\/larlogg\/lardom\/[0-9a-f-]{36}$/,
  );

  // 5. The priority change that cites the lesson.
  await page.goto('/smart-specialisering/larlogg/beslut/ny');
  await waitForData(page);
  await page.getByLabel('Vad ändrades').selectOption('sub_areas');
  await page.getByLabel('Styrkeområde').selectOption({ label: AREA });
  await page.getByLabel('Beslutet', { exact: true }).fill(changeSummary);
  await page.getByLabel('Beslutsdatum').fill(daysAgo(1));
  await page.getByLabel('Sök lärdom').fill(stamp);
  await page
    .getByTestId('s3l-lesson-picker')
    .getByRole('checkbox', { name: new RegExp(lessonTitle) })
    .check();
  await page.getByTestId('s3l-save').click();
  await expect(page.getByTestId('s3l-saved')).toBeVisible();
  await expect(page.getByTestId('s3l-builds-on').getByRole('link', { name: lessonTitle })).toBeVisible();

  // 6. The area page: the initiative in the plan, the six steps' status and the radar.
  await page.goto(`/smart-specialisering/${AREA_SLUG}`);
  await waitForData(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AREA);
  const initiative = page.getByTestId('initiative').filter({ hasText: initiativeTitle });
  await expect(initiative.getByRole('link', { name: effortTitle })).toBeVisible();
  const steps = page.getByTestId('s3-steps').locator('> li');
  await expect(steps).toHaveCount(6);
  await expect(page.getByTestId('s3-step-analysis').getByTestId('s3-step-status')).toHaveText(
    /Inte påbörjat|Pågår|Klart|Ska ses över/,
  );
  const assessment = page.getByRole('region', { name: 'Självskattning' });
  await expect(assessment.getByTestId('s3-radar').locator('svg')).toBeVisible();
  await expect(assessment.getByTestId('s3-means-table').locator('thead th')).toHaveCount(4);
  await expect(page.getByText(lessonTitle).first()).toBeVisible();
  await expectNoViolations(page);

  // And the overview shows the six steps of each area at a glance.
  await page.goto('/smart-specialisering');
  await waitForData(page);
  const card = page.getByTestId('s3-area-card').filter({ hasText: AREA });
  await expect(card.getByTestId('step-statuses').locator('li')).toHaveCount(6);
  await expect(card.getByTestId('step-statuses').locator('li').first()).toContainText(
    /Analys: (Inte påbörjat|Pågår|Klart|Ska ses över)/,
  );
});
