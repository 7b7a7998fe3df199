import { expect, type Page, test } from '@playwright/test';
import { baseUrl, signInAs, signInWith, waitForData } from './helpers';

/** Adds a user through the API as the signed-in user; returns it with its version. */
async function addUser(page: Page, role: 'viewer' | 'editor', password?: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const response = await page.request.post('/api/v1/users', {
    data: {
      email: `e2e-${stamp}@example.se`,
      name: `E2E Person ${stamp}`,
      role,
      ...(password ? { password } : {}),
    },
    headers: { origin: baseUrl() },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; email: string; name: string; version: number };
}

test.describe('user administration', () => {
  test('the navigation shows "Användare" only to those who manage users', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await signInAs(page, 'viewer');
    await page.goto('/');
    await waitForData(page);
    await expect(nav.getByRole('link', { name: 'Aktörer' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Användare' })).toHaveCount(0);
    await signInAs(page, 'admin');
    await page.goto('/');
    await nav.getByRole('link', { name: 'Användare' }).click();
    await expect(page).toHaveURL('/admin/anvandare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Användare');
  });

  test('the form checks its fields before sending and offers only grantable roles', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.goto('/admin/anvandare');
    await waitForData(page);
    const form = page.getByRole('region', { name: 'Lägg till användare' });
    // Editors give roles up to their own.
    await expect(form.getByLabel('Roll').locator('option')).toHaveText(['Handläggare', 'Partner', 'Läsare']);
    await form.getByLabel('E-postadress').fill('inte-en-adress');
    await form.getByLabel('Roll').selectOption('partner');
    await form.getByLabel('Första lösenord (valfritt)').fill('kort');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(form.getByRole('alert')).toHaveText('Rätta de markerade fälten.');
    await expect(form.getByText('Fyll i fältet.')).toBeVisible();
    await expect(form.getByText('Skriv en giltig e-postadress, t.ex. namn@exempel.se.')).toBeVisible();
    await expect(form.getByText('Välj vilken organisation partnern hör till.')).toBeVisible();
    await expect(form.getByText('Lösenordet ska ha 12–128 tecken.')).toBeVisible();
    await expect(form.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');

    // A partner belongs to an organisation; an e-mail already in use is refused by the API.
    await form.getByLabel('Namn').fill('Dubblett');
    await form.getByLabel('E-postadress').fill('viewer@demo.regionkraft.example');
    await form.getByLabel('Organisation').selectOption({ label: 'Östersunds kommun' });
    await form.getByLabel('Första lösenord (valfritt)').fill('');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(form.getByRole('alert')).toHaveText('Det finns redan en användare med den e-postadressen.');
  });

  test('a change someone else saved first is refused with a reload; then the change goes through', async ({
    page,
  }) => {
    await signInAs(page, 'admin');
    const user = await addUser(page, 'viewer');
    await page.goto('/admin/anvandare');
    await waitForData(page);
    await page.getByRole('button', { name: `Ändra ${user.name}` }).click();
    const editor = page
      .getByRole('cell')
      .filter({ has: page.getByRole('heading', { name: `Ändra ${user.name}` }) });
    await editor.getByLabel('Roll').selectOption('editor');

    // Another administrator changes the same user meanwhile.
    const other = await page.request.patch(`/api/v1/users/${user.id}`, {
      data: { name: `${user.name} B` },
      headers: { origin: baseUrl(), 'if-match': `"${user.version}"` },
    });
    expect(other.status()).toBe(200);

    await editor.getByRole('button', { name: 'Spara roll' }).click();
    await expect(editor.getByRole('alert')).toContainText('Någon annan har ändrat användaren – ladda om');
    await editor.getByRole('button', { name: 'Ladda om' }).click();
    const reloaded = page.getByRole('cell').filter({
      has: page.getByRole('heading', { name: `Ändra ${user.name} B` }),
    });
    await reloaded.getByLabel('Roll').selectOption('editor');
    await reloaded.getByRole('button', { name: 'Spara roll' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Ändringen för ${user.name} B är sparad.` }),
    ).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `${user.name} B` }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText('Handläggare');
  });

  test('an administrator switches an account off and sets a new password', async ({ page, browser }) => {
    await signInAs(page, 'admin');
    const user = await addUser(page, 'viewer', 'forsta-losenordet-123');
    await page.goto('/admin/anvandare');
    await waitForData(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: user.name }) });

    await row.getByRole('button', { name: `Ändra ${user.name}` }).click();
    await page.getByLabel('Nytt lösenord').fill('kort');
    await page.getByRole('button', { name: 'Sätt nytt lösenord' }).click();
    await expect(page.getByText('Lösenordet ska ha 12–128 tecken.')).toBeVisible();
    await page.getByLabel('Nytt lösenord').fill('andra-losenordet-456');
    await page.getByRole('button', { name: 'Sätt nytt lösenord' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Nytt lösenord är satt för ${user.name}` }),
    ).toBeVisible();

    // The user signs in with the new password in another browser.
    const context = await browser.newContext({ baseURL: baseUrl() });
    const userPage = await context.newPage();
    await signInWith(userPage, user.email, 'andra-losenordet-456');
    await context.close();

    await row.getByRole('button', { name: `Ändra ${user.name}` }).click();
    await page.getByRole('button', { name: 'Stäng av kontot' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Kontot för ${user.name} är avstängt` }),
    ).toBeVisible();
    await expect(row.getByRole('cell').nth(3)).toHaveText('Avstängd');
    const refused = await page.request.post('/api/auth/sign-in/email', {
      data: { email: user.email, password: 'andra-losenordet-456' },
      headers: { origin: baseUrl() },
    });
    expect(refused.status()).toBe(403);
  });
});
