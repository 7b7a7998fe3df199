import { expect, test } from '@playwright/test';
import { baseUrl, signInAs, signInWith, waitForData } from './helpers';

test.describe('my account', () => {
  test('anonymous visitors are asked to sign in and come back after signing in', async ({ page }) => {
    await page.goto('/konto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
    await page.getByRole('main').getByRole('link', { name: 'Logga in' }).click();
    await expect(page).toHaveURL('/logga-in?next=%2Fkonto');
    await page.getByLabel('E-postadress').fill('partner@demo.regionkraft.example');
    await page.getByLabel('Lösenord').fill('demo-partner-2026');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL('/konto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitt konto');
    await expect(page.getByRole('main')).toContainText('Partner – Östersunds kommun');
    await expect(page.getByRole('banner')).toContainText('Partner · Östersunds kommun');
  });

  test('a sign-in link to another site is ignored: the user lands on the start page', async ({ page }) => {
    await page.goto('/logga-in?next=//evil.example/');
    await page.getByLabel('E-postadress').fill('viewer@demo.regionkraft.example');
    await page.getByLabel('Lösenord').fill('demo-viewer-2026');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('banner')).toContainText('Läsare');
  });

  test('a user changes their password; the form checks length, repeat and the current password', async ({
    page,
  }) => {
    // A fresh user, so the demo accounts keep their published passwords.
    await signInAs(page, 'admin');
    const email = `konto-${Date.now()}@example.se`;
    const created = await page.request.post('/api/v1/users', {
      data: { email, name: 'Kontoprovare', role: 'viewer', password: 'gammalt-losenord-1' },
      headers: { origin: baseUrl() },
    });
    expect(created.status()).toBe(201);
    await page.context().clearCookies();
    await signInWith(page, email, 'gammalt-losenord-1');

    await page.goto('/konto');
    await waitForData(page);
    const form = page.getByRole('region', { name: 'Byt lösenord' });
    await form.getByLabel('Nuvarande lösenord').fill('fel-losenord-123');
    await form.getByLabel('Nytt lösenord').fill('kort');
    await form.getByLabel('Upprepa det nya lösenordet').fill('annat');
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect(form.getByText('Lösenordet måste ha minst 12 tecken.')).toBeVisible();
    await expect(form.getByText('Lösenorden är inte lika.')).toBeVisible();

    await form.getByLabel('Nytt lösenord').fill('nytt-losenord-456');
    await form.getByLabel('Upprepa det nya lösenordet').fill('nytt-losenord-456');
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect(form.getByText('Det nuvarande lösenordet stämmer inte.')).toBeVisible();

    await form.getByLabel('Nuvarande lösenord').fill('gammalt-losenord-1');
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Lösenordet är bytt. Andra inloggningar har loggats ut.',
    );

    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible();
    await signInWith(page, email, 'nytt-losenord-456');
  });
});
