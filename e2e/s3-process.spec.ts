import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

/** Today in Sweden as the pages show it ("27 november 2026"). */
const todayShown = () =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date());

const steps = (page: Page) => page.getByTestId('s3-steps').locator(':scope > li');
const step = (page: Page, key: string) => page.getByTestId(`s3-step-${key}`);

// The area page shows the steps and the self-assessment sections (StepsSection, AssessmentSection).
test.describe('Smart specialisering: de sex stegen och självskattningen', () => {
  test('anonymous readers see the six steps and the radar with the demo data, in Swedish and English', async ({
    page,
  }) => {
    test.slow(); // two pages of axe
    await gotoInLanguage(page, '/smart-specialisering/hallbar-energi', 'sv');
    await expect(page.getByRole('heading', { name: 'Arbetsprocessens sex steg' })).toBeVisible();
    await expect(steps(page)).toHaveCount(6);
    await expect(steps(page).locator('h3')).toHaveText([
      'Steg 1 Analys av regionens förutsättningar',
      'Steg 2 Styrning',
      'Steg 3 Gemensam vision',
      'Steg 4 Prioriteringar',
      'Steg 5 Policymix och handlingsplan',
      'Steg 6 Uppföljning och utvärdering',
    ]);
    const analysis = step(page, 'analysis');
    await expect(analysis.getByTestId('s3-step-status')).toHaveText('✓ Klart');
    await expect(analysis).toContainText('11 september 2020');
    await expect(analysis).toContainText('Exempel');
    await expect(
      analysis.getByRole('link', {
        name: 'OECD Territorial Reviews: Northern Sparsely Populated Areas (2017)',
      }),
    ).toHaveAttribute('href', 'https://doi.org/10.1787/9789264268234-en');
    await expect(step(page, 'priorities').getByTestId('s3-step-status')).toHaveText('◐ Pågår');
    await expect(page.getByRole('button', { name: /^Ändra/ })).toHaveCount(0);

    // The radar and its table: the 2026 means against 2024.
    const section = page.getByRole('region', { name: 'Självskattning' });
    await expect(section.getByTestId('s3-radar')).toBeVisible();
    await expect(section.getByTestId('s3-radar').locator('svg')).toBeVisible();
    await expect(section.getByText('Skattning 12 maj 2026')).toBeVisible();
    await expect(section.getByTestId('s3-compare-select')).toHaveValue(/.+/);
    await expect(section.getByTestId('s3-compare-select').locator('option:checked')).toContainText(
      '14 maj 2024',
    );
    const table = section.getByTestId('s3-means-table');
    await expect(table.locator('thead th')).toHaveText(['Steg', '12 maj 2026', '14 maj 2024', 'Förändring']);
    await expect(section.getByTestId('s3-mean-analysis').locator('td')).toHaveText([
      '3,67',
      '3,33',
      '+0,33+0,33 (ökning)',
    ]);
    await expect(section.getByTestId('s3-mean-monitoring').locator('td').first()).toHaveText('1,67');
    await expect(section.getByRole('link', { name: 'Ny självskattning' })).toHaveCount(0);
    // Per factor, with the comments.
    await section.getByTestId('s3-factors-analysis').locator('summary').click();
    await expect(section.getByTestId('s3-factors-analysis')).toContainText(
      'Analysen kompletterad med aktörernas bild från de öppna mötena.',
    );
    await expect(section).toContainText('Faktorerna är formulerade fritt efter RIS3-hjulet');
    await expectNoViolations(page);

    await gotoInLanguage(page, '/smart-specialisering/hallbar-energi', 'en');
    await expect(page.getByRole('heading', { name: 'The six steps of the process' })).toBeVisible();
    await expect(step(page, 'analysis').getByTestId('s3-step-status')).toHaveText('✓ Done');
    await expect(page.getByTestId('s3-mean-analysis').locator('td').first()).toHaveText('3.67');
    await expect(page.getByRole('region', { name: 'Self-assessment' })).toContainText(
      'Assessment 12 May 2026',
    );
    await expectNoViolations(page);
  });

  test("an editor changes a step's status; when a colleague saved first the edits are kept", async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/smart-specialisering/digitala-losningar', 'sv');
    const monitoring = step(page, 'monitoring');
    await expect(monitoring.getByTestId('s3-step-status')).toHaveText('○ Inte påbörjat');
    await monitoring.getByRole('button', { name: /^Ändra\W*Uppföljning och utvärdering$/ }).click();
    const form = monitoring.getByTestId('s3-step-form');
    await form.getByRole('radio', { name: 'Pågår' }).check();
    await form.getByLabel('Påbörjat', { exact: true }).fill('2026-02-01');
    await form.getByLabel('Ansvarig').fill('Analysenheten');
    await form.getByRole('button', { name: 'Lägg till leverans' }).click();
    await form.getByLabel('Titel').fill('Indikatorplan');
    await form.getByLabel('Webbadress (valfri)').fill('ftp://fel');
    await form.getByRole('button', { name: 'Spara steget' }).click();
    await expect(form.getByTestId('form-error')).toHaveText('Rätta de markerade fälten.');
    await expect(form.getByText('Ange en webbadress som börjar med http:// eller https://.')).toBeVisible();
    await expectNoViolations(page);
    await form.getByLabel('Webbadress (valfri)').fill('');
    await form.getByRole('button', { name: 'Spara steget' }).click();
    await expect(monitoring.getByTestId('s3-step-status')).toHaveText('◐ Pågår');
    await expect(monitoring).toContainText('1 februari 2026');
    await expect(monitoring).toContainText('Analysenheten');
    await expect(monitoring).toContainText('Indikatorplan');
    await expect(page.getByText('Steget Uppföljning och utvärdering är sparat.')).toBeVisible();

    // A colleague changes the governance step through the API while the form is open.
    const governance = step(page, 'governance');
    await governance.getByRole('button', { name: /^Ändra\W*Styrning$/ }).click();
    const govForm = governance.getByTestId('s3-step-form');
    await govForm.getByLabel('Ansvarig').fill('Min ändring');
    const current = await page.request.get('/api/v1/s3/areas/digitala-losningar/steps');
    const version = (await current.json()).items[1].version as number;
    const theirs = await page.request.put('/api/v1/s3/areas/digitala-losningar/steps/governance', {
      headers: { 'if-match': `"${version}"`, origin: baseUrl() },
      data: {
        status: 'revisit',
        startedOn: '2020-09-21',
        dueOn: '2026-12-31',
        responsible: 'Kollegans ändring',
      },
    });
    expect(theirs.status()).toBe(200);
    await govForm.getByRole('button', { name: 'Spara steget' }).click();
    await expect(govForm.getByTestId('form-error')).toContainText(
      'En kollega sparade steget medan du ändrade',
    );
    await expect(govForm.getByTestId('s3-theirs')).toContainText('Kollegans ändring');
    await expect(govForm.getByTestId('s3-theirs')).toContainText('Ska ses över');
    await expect(govForm.getByLabel('Ansvarig')).toHaveValue('Min ändring');
    await expectNoViolations(page);
    await govForm.getByRole('button', { name: 'Spara steget' }).click();
    await expect(governance).toContainText('Min ändring');
    await expect(governance.getByTestId('s3-step-status')).toHaveText('◐ Pågår');
  });

  test('an editor records a new self-assessment; the table shows it against the previous one', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/smart-specialisering/upplevelser', 'sv');
    await page.getByRole('link', { name: 'Ny självskattning' }).click();
    await waitForData(page);
    await expect(page).toHaveURL(/\/smart-specialisering\/upplevelser\/sjalvskattning\/ny$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny självskattning: Upplevelser');
    // Prefilled from the latest (2026: analysis 4, 4, 3).
    const first = page.getByTestId('s3-factor-analysis-1');
    await expect(first.getByRole('radio', { name: '4 Stark' })).toBeChecked();
    await expect(
      page.getByTestId('s3-factor-analysis-3').getByRole('radio', { name: '3 Godtagbar' }),
    ).toBeChecked();
    // The latest is example data: its assessor is not copied into a real record.
    await expect(page.getByLabel('Skattad av')).toHaveValue('');
    // The sub-navigation comes after the page's heading, as on the other pages.
    const headingBeforeNav = await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      const nav = document.querySelector('main nav.sub-nav');
      return !!h1 && !!nav && !!(h1.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(headingBeforeNav).toBe(true);
    await expectNoViolations(page);

    await page.getByLabel('Datum för självskattningen').fill('2099-01-01');
    await page.getByTestId('s3-save-assessment').click();
    await expect(page.getByTestId('form-error')).toHaveText('Rätta de markerade fälten.');
    await expect(page.getByText('Datumet kan inte vara i framtiden.')).toBeVisible();
    await page
      .getByLabel('Datum för självskattningen')
      .fill(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()));
    for (const factor of [1, 2, 3]) {
      await page
        .getByTestId(`s3-factor-analysis-${factor}`)
        .getByRole('radio', { name: '5 Utmärkt' })
        .check();
    }
    await page.getByLabel('Kommentar till Regionala tillgångar (valfri)').fill('Ny analys klar i år.');
    await page.getByLabel('Skattad av').fill('Workshop i Åre');
    await page.getByTestId('s3-save-assessment').click();

    await expect(page).toHaveURL(/\/smart-specialisering\/upplevelser#sjalvskattning$/);
    await waitForData(page);
    const section = page.getByRole('region', { name: 'Självskattning' });
    await expect(section.getByRole('status')).toHaveText('Självskattningen är sparad.');
    const today = todayShown();
    await expect(section.getByText(`Skattning ${today}`)).toBeVisible();
    await expect(section.getByTestId('s3-means-table').locator('thead th')).toHaveText([
      'Steg',
      today,
      '12 maj 2026',
      'Förändring',
    ]);
    // Upplevelser 2026 analysis: 4, 4, 3 → 3,67; now 5.
    await expect(section.getByTestId('s3-mean-analysis').locator('td')).toHaveText([
      '5',
      '3,67',
      '+1,33+1,33 (ökning)',
    ]);
    await expect(section.getByTestId('s3-mean-vision').locator('td').last()).toContainText('±0');
    await expect(section.getByTestId('s3-compare-select').locator('option')).toHaveCount(2);
    await section
      .getByTestId('s3-compare-select')
      .selectOption({ label: '14 maj 2024 – Arbetsgruppen för Upplevelser (exempel)' });
    await expect(section.getByTestId('s3-means-table').locator('thead th').nth(2)).toHaveText('14 maj 2024');
    await expect(section.getByTestId('s3-radar').locator('svg')).toBeVisible();
    await section.getByTestId('s3-factors-analysis').locator('summary').click();
    await expect(section.getByTestId('s3-factors-analysis')).toContainText('Ny analys klar i år.');
    await expectNoViolations(page);
  });
});
