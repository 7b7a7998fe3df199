import { expect, test } from '@playwright/test';
import { signInAs, waitForData } from './helpers';

test.describe('actor register', () => {
  test('search and kind filter narrow the list, sorted by name, with the total', async ({ page }) => {
    await page.goto('/aktorer');
    await waitForData(page);
    const names = await page.getByRole('table').getByRole('rowheader').allInnerTexts();
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    await expect(page.getByRole('table').getByRole('caption')).toHaveText(`${names.length} aktörer`);

    await page.getByLabel('Typ').selectOption('university');
    await expect(page).toHaveURL(/typ=university/);
    await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(['Mittuniversitetet']);
    await expect(page.getByRole('table').getByRole('caption')).toHaveText('1 aktör');

    await page.getByLabel('Typ').selectOption('');
    await page.getByLabel('Sök namn eller organisationsnummer').fill('kommun');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page).toHaveURL(/q=kommun/);
    await waitForData(page);
    await expect(page.getByRole('table').getByRole('link', { name: 'Östersunds kommun' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link', { name: 'Mittuniversitetet' })).toHaveCount(0);
  });

  test('an editor adds an internal actor that anonymous visitors cannot open, then removes it', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    await page.goto('/aktorer');
    await waitForData(page);
    await page.getByRole('button', { name: 'Ny aktör' }).click();
    const form = page.getByRole('region', { name: 'Ny aktör' });
    const name = `Testbolaget i Krokom ${Date.now()} AB`;
    await form.getByLabel('Namn').fill(name);
    await form.getByLabel('Typ').selectOption('company');
    await form.getByLabel('Organisationsnummer').fill('556000-0000');
    await form.getByLabel('Webbplats').fill('exempel.se');
    await form.getByRole('button', { name: 'Lägg till aktör' }).click();
    await expect(form.getByText('Skriv tio siffror, NNNNNN-NNNN, med rätt kontrollsiffra.')).toBeVisible();
    await expect(form.getByText('Skriv en fullständig webbadress', { exact: false })).toBeVisible();

    await form.getByLabel('Organisationsnummer').fill('556123-4567');
    await form.getByLabel('Webbplats').fill('https://exempel.se');
    await form.getByLabel('Kommun eller sameby').selectOption({ label: 'Krokom' });
    await form.getByRole('button', { name: 'Lägg till aktör' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('main').getByText('Intern', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Krokom');
    const url = page.url();
    const history = page.getByRole('region', { name: 'Ändringshistorik' });
    await expect(history.getByRole('cell', { name: 'Skapad' })).toBeVisible();

    // Anonymous visitors are asked to sign in; internal actors are not theirs to read.
    const anonymous = await page
      .context()
      .browser()
      ?.newContext({ baseURL: new URL(url).origin });
    const anonymousPage = await anonymous?.newPage();
    if (!anonymous || !anonymousPage) throw new Error('no browser');
    await anonymousPage.goto(new URL(url).pathname);
    await expect(anonymousPage.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
    await anonymous.close();

    await page.getByRole('button', { name: 'Ta bort aktören' }).click();
    await expect(page.getByText(`Vill du ta bort ${name}? Det går inte att ångra.`)).toBeFocused();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expect(page.getByRole('button', { name: 'Ta bort aktören' })).toBeFocused();
    await page.getByRole('button', { name: 'Ta bort aktören' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect(page).toHaveURL('/aktorer');
    await expect(page.getByRole('status').filter({ hasText: `${name} är borttagen.` })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link', { name })).toHaveCount(0);
  });

  test('a viewer reads internal actors but gets no edit form and no history', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.goto('/aktorer');
    await waitForData(page);
    await expect(page.getByRole('button', { name: 'Ny aktör' })).toHaveCount(0);
    await page.getByRole('table').getByRole('link', { name: 'Exempelföretaget i Åre AB' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exempelföretaget i Åre AB');
    await expect(page.getByRole('heading', { name: 'Ändra uppgifter' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Ändringshistorik' })).toHaveCount(0);
  });

  test('an unknown actor shows a not-found page', async ({ page }) => {
    await page.goto('/aktorer/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktören finns inte');
  });
});
