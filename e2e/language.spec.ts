import { expect, test } from '@playwright/test';
import { waitForData } from './helpers';

test('switching to English changes the texts and persists after reload', async ({ page }) => {
  await page.goto('/');
  await waitForData(page);
  await expect(page.getByRole('button', { name: 'Svenska' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional growth policy in Jämtlands län');
  await expect(page.getByRole('heading', { name: 'Long-term priorities', exact: true })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Municipalities' }),
  ).toBeVisible();
  await expect(page.locator('.goal blockquote')).toContainText('Development capacity');

  await page.reload();
  await waitForData(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional growth policy in Jämtlands län');
  // Numbers follow the UI language: en-GB groups with a comma.
  await expect(page.getByTestId('municipality-table')).toContainText('64,979');

  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Regional tillväxtpolitik i Jämtlands län',
  );
});
