import { expect, test } from '@playwright/test';
import { sv, waitForData } from './helpers';

const MUNICIPALITIES = ['Berg', 'Bräcke', 'Härjedalen', 'Krokom', 'Ragunda', 'Strömsund', 'Åre', 'Östersund'];

test.describe('county map', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await waitForData(page);
  });

  test('renders the 8 municipalities on the map and in the table', async ({ page }) => {
    const map = page.getByTestId('municipality-map');
    await expect(map).toHaveAttribute('role', 'img');
    await expect(map.locator('svg')).toHaveCount(1);
    // One drawn region (path) per municipality at least, and a label each.
    expect(await map.locator('svg path').count()).toBeGreaterThanOrEqual(8);
    for (const name of MUNICIPALITIES) {
      await expect(map.locator('svg text', { hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
    }

    const table = page.getByTestId('municipality-table');
    await expect(table.locator('caption')).toHaveText(/Folkmängd per kommun \d{4}/);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(8);
    // Swedish collation: Å and Ö last.
    await expect(rows.locator('th')).toHaveText(MUNICIPALITIES);
    await expect(rows.filter({ hasText: 'Östersund' }).locator('td').first()).toHaveText(sv(64979));
    await expect(page.locator('.map-figure')).toContainText('Källa: SCB');
  });

  test('hovering a region shows a tooltip with name and population', async ({ page }) => {
    const map = page.getByTestId('municipality-map');
    await map.locator('svg text', { hasText: /^Östersund$/ }).hover();
    const tooltip = map.locator('div', { hasText: 'invånare' }).last();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Östersund');
    await expect(tooltip).toContainText(sv(64979));
  });

  test('keyboard focus in the table highlights the region and shows the tooltip', async ({ page }) => {
    const map = page.getByTestId('municipality-map');
    const link = page.getByTestId('municipality-table').getByRole('link', { name: 'Krokom' });
    await link.focus();
    await expect(link).toBeFocused();
    const tooltip = map.locator('div', { hasText: 'invånare' }).last();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Krokom');
    await expect(tooltip).toContainText(sv(15680));
    // The same information is announced in a live region for screen readers.
    await expect(page.getByTestId('map-active')).toContainText(`Krokom: ${sv(15680)} invånare`);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/kommuner/2309');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Krokom');
  });

  test('clicking a region opens the municipality page', async ({ page }) => {
    await page
      .getByTestId('municipality-map')
      .locator('svg text', { hasText: /^Härjedalen$/ })
      .click();
    await expect(page).toHaveURL('/kommuner/2361');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Härjedalen');
  });
});
