import { expect, test } from '@playwright/test';
import { sv, waitForData } from './helpers';

test.describe('municipalities', () => {
  test('the list is sorted with Swedish collation', async ({ page }) => {
    await page.goto('/kommuner');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommuner');
    const names = await page.getByTestId('municipality-table').locator('tbody th').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(names.slice(-2)).toEqual(['Åre', 'Östersund']);
  });

  test('Östersund (2380) shows its population in Swedish format and the samebyar', async ({ page }) => {
    await page.goto('/kommuner/2380');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Östersund');
    await expect(page.getByTestId('population-latest')).toHaveText(sv(64979));
    await expect(page.getByTestId('population-latest')).toHaveText(/^64\u00a0979$/);
    await expect(page.getByTestId('sami-administrative')).toHaveText('Ja');

    const samebyar = page.getByTestId('samebyar');
    await expect(samebyar).toContainText('Tåssåsen');
    await expect(samebyar).toContainText('Uppgift bekräftad i källa');

    // Chart with a table alternative.
    await expect(page.getByTestId('population-chart').locator('svg')).toHaveCount(1);
    await page.getByText('Visa uppgifterna som tabell').click();
    const table = page.getByTestId('population-table');
    await expect(table.locator('caption')).toHaveText('Folkmängd i Östersund per år');
    await expect(table.locator('tbody tr').filter({ hasText: '2024' })).toContainText(sv(64979));
    await expect(table.locator('tbody tr').filter({ hasText: '2020' })).toContainText(sv(32304));

    await expect(page.getByTestId('municipality-minimap').locator('svg')).toHaveCount(1);
    await expect(page.getByRole('main')).toContainText('Källa: SCB');
  });

  test('an unknown municipality shows "Kommunen finns inte"', async ({ page }) => {
    await page.goto('/kommuner/9999');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunen finns inte');
    await expect(page.getByRole('link', { name: 'Till alla kommuner' })).toBeVisible();
  });

  test('a code that is not a municipality is not shown as one', async ({ page }) => {
    await page.goto('/kommuner/23');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunen finns inte');
  });
});
