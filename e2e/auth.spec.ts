import { expect, test } from '@playwright/test';
import { demoEmail as email, demoPassword as password, signInAs, waitForData } from './helpers';

test.describe('sign-in and what each role sees', () => {
  test('an editor signs in with the form and sees internal actors; after signing out only published ones', async ({
    page,
  }) => {
    await page.goto('/logga-in?next=/aktorer');
    await page.getByLabel('E-postadress').fill(email('editor'));
    await page.getByLabel('Lösenord').fill(password('editor'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL('/aktorer');
    await waitForData(page);
    const banner = page.getByRole('banner');
    await expect(banner).toContainText('Demo Handläggare');
    await expect(banner).toContainText('Handläggare');
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: 'Exempelföretaget i Åre AB' })).toBeVisible();
    await expect(table.getByText('Intern').first()).toBeVisible();

    await banner.getByRole('button', { name: 'Logga ut' }).click();
    await expect(banner.getByRole('link', { name: 'Logga in' })).toBeVisible();
    await page.goto('/aktorer');
    await waitForData(page);
    await expect(page.getByRole('table').getByRole('link', { name: 'Östersunds kommun' })).toBeVisible();
    await expect(
      page.getByRole('table').getByRole('link', { name: 'Exempelföretaget i Åre AB' }),
    ).toHaveCount(0);
  });

  test('a wrong password shows a message and stays on the sign-in page', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(email('editor'));
    await page.getByLabel('Lösenord').fill('inte rätt lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
    await expect(page).toHaveURL(/\/logga-in/);
  });

  test('the users page: admins add users, viewers are told no, anonymous visitors are asked to sign in', async ({
    page,
  }) => {
    await page.goto('/admin/anvandare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
    await expect(page.getByRole('main').getByRole('link', { name: 'Logga in' })).toHaveAttribute(
      'href',
      '/logga-in?next=%2Fadmin%2Fanvandare',
    );

    await signInAs(page, 'viewer');
    await page.goto('/admin/anvandare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Du har inte behörighet att se den här sidan',
    );

    await signInAs(page, 'admin');
    await page.goto('/admin/anvandare');
    await waitForData(page);
    const name = `Ny Testperson ${Date.now()}`;
    const form = page.getByRole('region', { name: 'Lägg till användare' });
    await form.getByLabel('Namn').fill(name);
    await form.getByLabel('E-postadress').fill(`test-${Date.now()}@example.se`);
    await form.getByLabel('Roll').selectOption('editor');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} är tillagd` })).toBeVisible();
    await expect(page.getByRole('table').getByRole('rowheader', { name })).toBeVisible();
  });

  test('an editor changes an actor and sees the change in its history', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.goto('/aktorer');
    await waitForData(page);
    await page.getByRole('table').getByRole('link', { name: 'Mittuniversitetet' }).click();
    await waitForData(page);
    const text = `Universitet i Östersund och Sundsvall ${Date.now()}`;
    await page.getByLabel('Beskrivning').fill(text);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' })).toBeVisible();
    const history = page.getByRole('region', { name: 'Ändringshistorik' });
    await expect(history).toContainText(text);
    await expect(history).toContainText(email('editor'));
  });

  test('a partner may edit its own organisation but not another', async ({ page }) => {
    await signInAs(page, 'partner');
    await page.goto('/aktorer');
    await waitForData(page);
    await page.getByRole('table').getByRole('link', { name: 'Östersunds kommun' }).click();
    await expect(page.getByRole('heading', { name: 'Ändra uppgifter' })).toBeVisible();
    await expect(page.getByLabel('Synlighet')).toHaveCount(0);
    await page.goto('/aktorer');
    await page.getByRole('table').getByRole('link', { name: 'Mittuniversitetet' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mittuniversitetet');
    await expect(page.getByRole('heading', { name: 'Ändra uppgifter' })).toHaveCount(0);
  });
});
