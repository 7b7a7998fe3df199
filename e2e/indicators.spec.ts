import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { gotoInLanguage, signInAs, waitForData } from './helpers';

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

test.describe('Indicator explorer', () => {
  test('a map, a table and downloads for a year; the year slider changes them', async ({ page, request }) => {
    await page.goto('/uppfoljning?indikator=skattekraft_tkr_inv');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indikatorer i hela länet');
    await expect(page.getByRole('heading', { name: 'Karta 2023' })).toBeVisible();
    await expect(page.getByTestId('map-summary')).toContainText('Högst:');
    const table = page.getByTestId('year-table');
    // 8 municipalities, the county and Sweden.
    await expect(table.locator('tbody tr')).toHaveCount(10);
    const ostersund2023 = await table
      .locator('tbody tr', { hasText: 'Östersund' })
      .locator('td')
      .first()
      .textContent();

    const slider = page.locator('#year-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(page.getByRole('heading', { name: 'Karta 2012' })).toBeVisible();
    await expect(page).toHaveURL(/ar=2012/);
    const ostersund2012 = await table
      .locator('tbody tr', { hasText: 'Östersund' })
      .locator('td')
      .first()
      .textContent();
    expect(ostersund2012).not.toBe(ostersund2023);

    const href = await page.getByTestId('download-year-csv').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await request.get(href as string);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Områdeskod;Område;År;Kön;Värde');
    expect(text).toContain('2380;Östersund;2012;totalt;');
  });

  test('progress toward the target shows its formula; disparity has a table', async ({ page }) => {
    await page.goto('/uppfoljning?indikator=bredband_100mbit_hushall_pct');
    await waitForData(page);
    const progress = page.getByTestId('progress');
    await expect(progress).toContainText('Målet är 95 % år 2020.');
    await progress.getByText('Så räknas det').click();
    await expect(page.getByTestId('formula')).toContainText('CAGR');
    await expect(page.getByTestId('traffic-light')).toContainText(/Grönt|Gult|Rött|Vitt/);
    await expect(page.getByTestId('disparity-table').locator('tbody tr').first()).toBeVisible();
    await page.getByLabel('Område', { exact: true }).first().selectOption({ label: 'Åre' });
    await expect(page).toHaveURL(/omrade=2321/);
  });

  test('axe: no WCAG 2.1 AA violations on the explorer (sv and en)', async ({ page }) => {
    await gotoInLanguage(page, '/uppfoljning', 'sv');
    await expect(page.getByRole('heading', { name: /Karta/ })).toBeVisible();
    await expectNoViolations(page);
    await gotoInLanguage(page, '/uppfoljning', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indicators across the county');
    await expectNoViolations(page);
  });
});

test.describe('Indicator explorer on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the year table fits; opened tables and examples pass axe; English names in English', async ({
    page,
  }) => {
    await gotoInLanguage(page, '/uppfoljning?indikator=population', 'sv');
    const wrap = page.getByTestId('year-table').locator('xpath=..');
    const fits = await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    // Every collapsed table open: a wide table that scrolls must be reachable by keyboard.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await expectNoViolations(page);
    // Reasons from the server are English and marked so; one line per reason, not per cell.
    const reasons = page.locator('.note li');
    await expect(reasons).toHaveCount(1);
    await expect(reasons.first()).toContainText('2018, 2019, 2021–2023: alla mått');
    await expect(reasons.first().locator('span[lang="en"]')).toHaveCount(1);

    await gotoInLanguage(page, '/uppfoljning?indikator=skattekraft_tkr_inv', 'en');
    await page.getByText('Show the values as a table').click();
    await expect(page.getByRole('table', { name: /^Tax capacity/ }).first()).toBeVisible();
    await expect(page.getByTestId('series-chart')).toHaveAttribute('aria-label', /Tax capacity/);
  });
});

test.describe('Indicator import', () => {
  test('an editor imports a file and sees the report; a bad file shows each row and reason', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/uppfoljning/import', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera indikatorvärden');
    await expectNoViolations(page);

    const year = 2040 + Math.floor(Math.random() * 50);
    await page.getByLabel('Fil (CSV eller Excel)').setInputFiles({
      name: 'egna-varden.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `indikator;kommunkod;år;kön;värde\nskattekraft_tkr_inv;2380;${year};totalt;250,5\n`,
      ),
    });
    await page.getByRole('button', { name: 'Importera' }).last().click();
    const outcome = page.getByTestId('import-outcome');
    await expect(outcome).toContainText('Importen är klar: 1 värden, varav 1 nya');
    await expect(page.getByRole('table', { name: 'De senaste importerna i regionen' })).toContainText(
      'egna-varden.csv',
    );

    await page.getByLabel('Fil (CSV eller Excel)').setInputFiles({
      name: 'fel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'indikator;kommunkod;år;kön;värde\nskattekraft_tkr_inv;2380;2024;totalt;abc\nokänd;2380;2024;totalt;1\n',
      ),
    });
    await page.getByRole('button', { name: 'Importera' }).last().click();
    await expect(outcome).toContainText('Ingenting importerades');
    const problems = outcome.getByRole('table', { name: 'Rader som inte kunde läsas' });
    await expect(problems.locator('tbody tr')).toHaveCount(2);
    await expect(problems.locator('tbody tr').first()).toContainText('Rad 2');
    await expectNoViolations(page);
  });

  test('an editor defines a new indicator and changes its definition', async ({ page }) => {
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/uppfoljning/import', 'sv');
    const id = `e2e_indikator_${Date.now()}`;
    await page.getByText('Ny indikator', { exact: true }).last().click();
    await page.getByLabel('Id', { exact: true }).fill(id);
    await page.getByLabel('Namn (svenska)').fill('Testindikator från webbläsaren');
    await page.getByLabel('Enhet (svenska)').fill('%');
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await expect(page.getByText('Indikatorn är skapad.')).toBeVisible();
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await expect(page.getByText('Det finns redan en indikator med det id:t.')).toBeVisible();

    await page.goto(`/uppfoljning?indikator=${id}`);
    await waitForData(page);
    await expect(page.getByTestId('no-values')).toBeVisible();
    await page.getByText('Ändra definitionen').click();
    await page.getByLabel('Önskad riktning').selectOption('lower_is_better');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page.getByText('Lägre är bättre').first()).toBeVisible();
  });

  test('the SCB form explains a selection it cannot read before asking SCB', async ({ page }) => {
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/uppfoljning/import', 'sv');
    const form = page.getByRole('form', { name: 'Från SCB (PxWeb)' });
    await form.getByLabel('Tabell-id').fill('TAB638');
    await form.getByLabel('Till indikatorn').selectOption('population');
    await form.getByLabel('Urval').fill('Region 2380');
    await form.getByRole('button', { name: 'Kontrollera först' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'Skriv urvalet som en rad per variabel, t.ex. Tid=2022,2023.',
    );
  });

  test('the import page passes axe on a phone (wide tables and the example scroll by keyboard)', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/uppfoljning/import', 'en');
    await expect(page.getByRole('heading', { name: 'Latest imports' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a viewer may not import', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.goto('/uppfoljning/import');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Du har inte behörighet att se den här sidan',
    );
  });
});
