import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { gotoInLanguage, signInAs, sv, waitForData } from './helpers';

const MUNICIPALITIES = ['Berg', 'Bräcke', 'Härjedalen', 'Krokom', 'Ragunda', 'Strömsund', 'Åre', 'Östersund'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** "68 830 000" (Swedish format, no-break spaces) → 68830000. */
const parseSv = (text: string): number => Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));

async function columnNumbers(rows: Locator, column: number): Promise<number[]> {
  const texts = await rows.locator(`td:nth-of-type(${column})`).allTextContents();
  return texts.map(parseSv);
}

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

test.describe('Hela länet', () => {
  test('shows all 8 municipalities and the county row, adding up, with links to the municipality pages', async ({
    page,
  }) => {
    await page.goto('/hela-lanet');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hela länet');

    const table = page.getByTestId('reach-table');
    await expect(table.locator('caption')).toHaveText(/Insatser och pengar per kommun \d{4}–\d{4}/);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(8);
    await expect(rows.locator('th')).toHaveText(MUNICIPALITIES);
    await expect(rows.filter({ hasText: 'Östersund' }).locator('td').first()).toHaveText(sv(64979));

    // The county row: population and money are the sums of the municipalities.
    const county = page.getByTestId('reach-county-row');
    await expect(county.locator('th')).toHaveText('Hela länet');
    const countyCells = (await county.locator('td').allTextContents()).map(parseSv);
    const populations = await columnNumbers(rows, 1);
    const money = await columnNumbers(rows, 3);
    expect(countyCells[0]).toBe(populations.reduce((a, b) => a + b, 0));
    expect(countyCells[2]).toBe(money.reduce((a, b) => a + b, 0));
    expect(countyCells[2]).toBeGreaterThan(0);
    await expect(page.getByTestId('stat-funding')).toHaveText(`${sv(countyCells[2] ?? 0)} kr`);

    // Map with a legend in kr/inv., the source, and a text summary as its alternative.
    await expect(page.getByTestId('reach-map').locator('svg')).toHaveCount(1);
    await expect(page.getByTestId('reach-map')).toHaveAttribute('role', 'img');
    await expect(page.getByTestId('reach-map-legend')).toContainText('kr/inv.');
    await expect(page.getByTestId('reach-source')).toContainText(
      'Källa: Insatser i Regionkraft; folkmängd SCB',
    );
    await expect(page.getByTestId('reach-summary')).toContainText('i genomsnitt');

    // Breakdown with the note that an effort with two priorities counts under both.
    await expect(page.getByTestId('breakdown-note')).toContainText('räknas under båda');
    await expect(page.getByTestId('breakdown-priority').locator('tbody tr')).not.toHaveCount(0);
    await expect(page.getByTestId('breakdown-source').locator('tbody tr').first()).toContainText(
      'Regionala utvecklingsmedel (1:1)',
    );

    // Keyboard focus in the table highlights the municipality on the map and says its figures.
    const krokom = rows.getByRole('link', { name: 'Krokom' });
    await krokom.focus();
    const krokomValue = await rows.filter({ hasText: 'Krokom' }).locator('td').nth(3).textContent();
    await expect(page.getByTestId('reach-map-active')).toContainText(
      `Krokom: ${krokomValue} kr per invånare`,
    );
    await expect(
      page.getByTestId('reach-map').locator('div', { hasText: 'kr per invånare' }).last(),
    ).toBeVisible();

    await krokom.click();
    await expect(page).toHaveURL(/\/kommuner\/2309\?from=\d{4}&to=\d{4}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Krokom');
  });

  test('changing a filter changes the numbers, and the flagged box agrees with the table', async ({
    page,
  }) => {
    await page.goto('/hela-lanet');
    await waitForData(page);
    const funding = page.getByTestId('stat-funding');
    const before = await funding.textContent();
    const countyMoney = page.getByTestId('reach-county-row').locator('td').nth(2);
    const countyBefore = await countyMoney.textContent();

    await page.getByLabel('Finansieringskälla').selectOption({ label: 'Interreg' });
    await expect(page).toHaveURL(/financier=interreg/);
    await expect(funding).not.toHaveText(before ?? '');
    await expect(countyMoney).not.toHaveText(countyBefore ?? '');
    await expect(page.getByTestId('reach-results')).toHaveAttribute('aria-busy', 'false');

    // The money by municipality still adds up to the county row.
    const rows = page.getByTestId('reach-table').locator('tbody tr');
    const money = await columnNumbers(rows, 3);
    expect(parseSv((await countyMoney.textContent()) ?? '')).toBe(money.reduce((a, b) => a + b, 0));

    await expectFlaggedBoxMatchesTable(page);

    // Another filter and the period change the numbers too.
    const withInterreg = await funding.textContent();
    await page.getByLabel('Finansieringskälla').selectOption('');
    await page.getByLabel('Från år').selectOption('2026');
    await expect(page).toHaveURL(/from=2026&to=2026/);
    await expect(page.getByTestId('reach-table').locator('caption')).toHaveText(
      'Insatser och pengar per kommun 2026–2026',
    );
    await expect(funding).not.toHaveText(withInterreg ?? '');
    await expectFlaggedBoxMatchesTable(page);

    await page.getByRole('button', { name: 'Rensa urvalet' }).click();
    await expect(page).toHaveURL(/\/hela-lanet$/);
    await expect(funding).toHaveText(before ?? '');
  });

  test('the flagged box names the municipality far below the county level, with the rule', async ({
    page,
  }) => {
    await page.goto('/hela-lanet');
    await waitForData(page);
    const box = page.getByTestId('flagged-box');
    await expect(box.getByRole('heading', { level: 2 })).toHaveText(/Flaggade kommuner/);
    await expect(box).toContainText('mindre än hälften av länets nivå i kronor per invånare');
    await expectFlaggedBoxMatchesTable(page);
    await expect(page.getByTestId('stat-flagged')).toContainText(
      String(await page.getByTestId('reach-table').locator('tbody tr.is-flagged').count()),
    );
  });

  test('the table downloads as CSV with the same period and filters', async ({ page }) => {
    await page.goto('/hela-lanet?financier=erdf');
    await waitForData(page);
    const link = page.getByTestId('reach-downloads').getByRole('link', { name: 'CSV' });
    await expect(link).toHaveAttribute('href', /format=csv/);
    await expect(link).toHaveAttribute('href', /financier=erdf/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^insatser-per-kommun-\d{4}-\d{4}\.csv$/);
    const text = (await readFile((await download.path()) ?? '')).toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n/);
    expect(lines[0]).toBe(
      'Kommunkod;Kommun;Invånare;Antal insatser;Finansiering (kr);Kr per invånare;Flaggor',
    );
    for (const name of MUNICIPALITIES) expect(text).toContain(`;${name};`);
    expect(text).toContain(';Hela länet;');
    // The county's money in the file is the money on screen.
    const countyLine = lines.find((l) => l.includes(';Hela länet;')) ?? '';
    const onScreen = parseSv(
      (await page.getByTestId('reach-county-row').locator('td').nth(2).textContent()) ?? '',
    );
    expect(Number(countyLine.split(';')[4])).toBe(onScreen);

    const excel = page.getByTestId('reach-downloads').getByRole('link', { name: 'Excel' });
    await expect(excel).toHaveAttribute('href', /format=xlsx/);
    const response = await page.request.get((await excel.getAttribute('href')) ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
  });

  test('staff see internal efforts too; the public sees published ones', async ({ page }) => {
    await page.goto('/hela-lanet');
    await waitForData(page);
    const publicCount = parseSv((await page.getByTestId('stat-efforts').textContent()) ?? '');
    await expect(page.getByText('Uppgifterna bygger på publicerade insatser.')).toBeVisible();

    await signInAs(page, 'editor');
    await page.goto('/hela-lanet');
    await waitForData(page);
    await expect(page.getByText('ser även insatser som inte är publicerade')).toBeVisible();
    const staffCount = parseSv((await page.getByTestId('stat-efforts').textContent()) ?? '');
    expect(staffCount).toBeGreaterThan(publicCount);
  });

  test('works in English with English labels', async ({ page }) => {
    await gotoInLanguage(page, '/hela-lanet', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The whole county');
    await expect(page.getByTestId('reach-county-row').locator('th')).toHaveText('The whole county');
    await expect(page.getByTestId('flagged-box')).toContainText('less than half of the county level');
    await expect(page.getByLabel('Funding source')).toBeVisible();
  });
});

test.describe('municipality profile', () => {
  test('Östersund (2380) shows key indicators with traffic lights in words and the efforts reaching it', async ({
    page,
  }) => {
    await page.goto('/kommuner/2380');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Östersund');

    // Traffic lights: the colour is also said in words, and the arrow's meaning too.
    const cards = page.getByTestId('indicator-card');
    expect(await cards.count()).toBeGreaterThan(3);
    const lights = page.getByTestId('traffic-light');
    await expect(lights.first()).toHaveText(/(Grönt|Gult|Rött|Vitt) – /);
    for (const text of await lights.allTextContents()) {
      expect(text).toMatch(
        /^(Grönt – bättre|Gult – oförändrat|Gult – ingen önskad riktning|Rött – sämre|Vitt – kan inte bedömas)/,
      );
    }
    const population = cards.filter({ hasText: 'Folkmängd den 31 december' });
    await expect(population.getByTestId('traffic-light')).toHaveText('Grönt – bättre↑ökar');
    await expect(population).toContainText(sv(64979));
    await expect(population).toContainText('Länet 2024');
    await expect(population.getByTestId('sparkline')).toHaveAttribute(
      'aria-label',
      new RegExp(`från .* till ${sv(64979)}`),
    );
    await population.getByText('Visa värdena som tabell').click();
    await expect(population.locator('table caption')).toHaveText(
      'Folkmängd den 31 december, Östersund, per år (enhet: invånare)',
    );

    // Efforts reaching Östersund with links and shares, money against the county, flags.
    const efforts = page.getByTestId('profile-efforts');
    await expect(efforts.locator('caption')).toHaveText(/Insatser som når Östersund \d{4}–\d{4}/);
    const effortRows = efforts.locator('tbody tr');
    expect(await effortRows.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('profile-effort-count')).toHaveText(String(await effortRows.count()));
    await expect(efforts).toContainText('hela länet, efter folkmängd');
    await expect(efforts).toContainText('100 %');
    await expect(page.getByTestId('profile-per-inhabitant')).toContainText('kr/inv.');
    await expect(page.getByTestId('profile-flags')).toContainText('Långt under länets nivå');

    // Development, clearly not effect.
    await expect(page.getByRole('heading', { name: 'Utveckling där insatser verkar' })).toBeVisible();
    await expect(page.getByTestId('development-note')).toContainText('inte effekt');
    await expect(page.getByTestId('development-note')).toContainText('Ingen utvärdering');

    // The page keeps what it had.
    await expect(page.getByTestId('population-chart').locator('svg')).toHaveCount(1);
    await expect(page.getByTestId('samebyar')).toContainText('Tåssåsen');

    const first = effortRows.first().getByRole('link');
    const title = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/\/insatser\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
  });

  test('the period select changes the efforts and money and is kept in the address', async ({ page }) => {
    await page.goto('/kommuner/2380');
    await waitForData(page);
    const count = page.getByTestId('profile-effort-count');
    const before = await count.textContent();
    const section = page.getByTestId('profile-efforts-section');
    await section.getByLabel('Från år').selectOption('2026');
    await expect(page).toHaveURL(/\/kommuner\/2380\?from=2026&to=2026$/);
    await expect(page.getByTestId('profile-efforts').locator('caption')).toHaveText(
      'Insatser som når Östersund 2026–2026',
    );
    await expect(count).not.toHaveText(before ?? '');
    await page.reload();
    await waitForData(page);
    await expect(section.getByLabel('Från år')).toHaveValue('2026');
  });

  test('the profile works in English', async ({ page }) => {
    await gotoInLanguage(page, '/kommuner/2380', 'en');
    await expect(page.getByRole('heading', { name: 'Key indicators' })).toBeVisible();
    await expect(page.getByTestId('traffic-light').first()).toHaveText(/(Green|Yellow|Red|White) – /);
    await expect(page.getByRole('heading', { name: 'Development where efforts work' })).toBeVisible();
    await expect(page.getByTestId('development-note')).toContainText('not effect');
  });
});

test.describe('territory accessibility', () => {
  for (const { path, lang } of [
    { path: '/hela-lanet', lang: 'sv' },
    { path: '/hela-lanet', lang: 'en' },
    { path: '/kommuner/2380', lang: 'sv' },
    { path: '/kommuner/2380', lang: 'en' },
  ] as const) {
    test(`axe finds no WCAG 2.1 AA violations on ${path} (${lang})`, async ({ page }) => {
      await gotoInLanguage(page, path, lang);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path === '/kommuner/2380') {
        // The table alternatives open too.
        for (const summary of await page.locator('.indicator-card summary').all()) await summary.click();
      }
      await expectNoViolations(page);
    });
  }

  test('axe finds no violations with a filter that flags several municipalities', async ({ page }) => {
    await gotoInLanguage(page, '/hela-lanet?financier=interreg', 'sv');
    await expect(page.getByTestId('flagged-not-reached').locator('li')).not.toHaveCount(0);
    await expectNoViolations(page);
  });

  test('headings are in order and every control has a label', async ({ page }) => {
    for (const path of ['/hela-lanet', '/kommuner/2380']) {
      await page.goto(path);
      await waitForData(page);
      const levels = await page
        .locator('main')
        .locator('h1, h2, h3, h4')
        .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
      expect(levels[0], path).toBe(1);
      for (let i = 1; i < levels.length; i++) {
        expect((levels[i] ?? 0) - (levels[i - 1] ?? 0), `${path}: heading ${i}`).toBeLessThanOrEqual(1);
      }
      for (const select of await page.locator('main select').all()) {
        await expect(select).toHaveAccessibleName(/.+/);
      }
      for (const table of await page.locator('main table').all()) {
        await expect(table.locator('caption')).toHaveCount(1);
      }
    }
  });

  test('both pages work at 375 px and 1280 px without horizontal scrolling', async ({ page }) => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/hela-lanet', '/kommuner/2380']) {
        await page.goto(path);
        await waitForData(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `horizontal overflow on ${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
  });
});

/** Every municipality flagged in the table is named in the right group of the box, and no other. */
async function expectFlaggedBoxMatchesTable(page: Page) {
  const rows = page.getByTestId('reach-table').locator('tbody tr');
  const notReached: string[] = [];
  const farBelow: string[] = [];
  for (const row of await rows.all()) {
    const name = (await row.locator('th').textContent()) ?? '';
    const flags = (await row.locator('td').last().textContent()) ?? '';
    if (flags.includes('Ingen insats')) notReached.push(name);
    if (flags.includes('Långt under länets nivå')) farBelow.push(name);
  }
  const box = page.getByTestId('flagged-box');
  const group = async (testId: string) => {
    const list = box.getByTestId(testId);
    return (await list.locator('li').count()) === 0
      ? []
      : (await list.locator('li a').allTextContents()).map((s) => s.trim());
  };
  expect(await group('flagged-not-reached')).toEqual(notReached);
  expect(await group('flagged-far-below')).toEqual(farBelow);
  expect(notReached.length + farBelow.length).toBeGreaterThan(0);
  await expect(page.getByTestId('stat-flagged')).toContainText(String(notReached.length + farBelow.length));
}
