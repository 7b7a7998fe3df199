import { expect, test } from '@playwright/test';

// The test server has users already, so the first-run form is shown by answering "needed".
test.describe('first-run setup', () => {
  test('a finished installation points to the sign-in page', async ({ page }) => {
    await page.goto('/installera#token=abc');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regionkraft är redan installerat');
    await expect(page.getByRole('main').getByRole('link', { name: 'Logga in' })).toHaveAttribute(
      'href',
      '/logga-in',
    );
  });

  test('the form checks its fields and reports a link that is no longer valid', async ({ page }) => {
    await page.route('**/api/v1/setup', (route) =>
      route.request().method() === 'GET' ? route.fulfill({ json: { needed: true } }) : route.fallback(),
    );
    await page.goto('/installera');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skapa den första administratören');
    await expect(page.getByRole('alert')).toHaveText(
      'Länken saknar sin kod. Öppna hela länken från konsolen.',
    );
    await expect(page.getByRole('button', { name: 'Skapa administratör' })).toBeDisabled();

    await page.goto('/');
    await page.goto('/installera#token=inte-giltig-men-lang-nog-0123456789');
    await page.getByLabel('Namn').fill('Första Admin');
    await page.getByLabel('E-postadress').fill('forsta@example.se');
    await page.getByLabel('Lösenord', { exact: true }).fill('ett-langt-losenord');
    await page.getByLabel('Upprepa lösenordet').fill('ett-annat-losenord');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.getByText('Lösenorden är inte lika.')).toBeVisible();

    await page.getByLabel('Upprepa lösenordet').fill('ett-langt-losenord');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.getByRole('alert')).toContainText('Länken gäller inte längre');
  });
});
