import { expect, test } from '@playwright/test';
import { waitForData } from './helpers';

test('an editor registers an effort with the form, finds it by search and exports it', async ({ page }) => {
  const base = test.info().project.use.baseURL ?? '';
  await page.request.post('/api/auth/sign-in/email', {
    data: { email: 'editor@demo.regionkraft.example', password: 'demo-editor-2026' },
    headers: { origin: base },
  });
  const title = `Vandringsleder i fjällen ${Date.now()}`;
  await page.goto('/insatser/ny');
  await waitForData(page);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Diarienummer').fill(`RUN/E2E/${Date.now()}`);
  await page.getByLabel('Status').selectOption('ongoing');
  await page.getByLabel('Startdatum').fill('2026-03-01');
  await page.getByLabel('Slutdatum').fill('2027-12-31');

  await page.getByRole('button', { name: 'Lägg till finansiering' }).click();
  await page.getByRole('button', { name: 'Lägg till finansiering' }).click();
  await page.getByLabel('Källa, rad 2').selectOption('erdf');
  const amounts = page.getByLabel('Belopp (kr)');
  await amounts.nth(0).fill('1 500 000');
  await amounts.nth(1).fill('2250000');

  for (const [i, name, share] of [
    [0, 'Åre', '50'],
    [1, 'Berg', '30'],
    [2, 'Östersund', '20'],
  ] as const) {
    await page.getByRole('button', { name: 'Lägg till kommun' }).click();
    await page.getByLabel(`Kommun ${i + 1}`).selectOption({ label: name });
    await page.getByLabel('Andel (%)').nth(i).fill(share);
  }
  await page.getByRole('group', { name: 'Långsiktiga prioriteringar' }).getByRole('checkbox').first().check();
  await page.getByLabel('Agenda 2030-delmål').fill('15.1');
  await page.getByLabel('Sök delmål').fill('8.9');
  await page.getByRole('button', { name: 'Lägg till 8.9' }).click();
  await expect(page.getByLabel('Agenda 2030-delmål')).toHaveValue('15.1; 8.9');
  await page.getByRole('button', { name: 'Lägg till indikator' }).click();
  await page.getByLabel('Indikator 1').fill('Nya vandringsleder');
  await page.getByLabel('Enhet').fill('km');
  await page.getByLabel('Målvärde').fill('40');
  await page.getByRole('button', { name: 'Lägg till utfall' }).click();
  await page.getByLabel('Utfall').fill('12,5');
  await page.getByLabel('Miljömässig hållbarhet', { exact: true }).selectOption('-1');
  // A negative score without a rationale is refused, with the message at the field.
  await page.getByRole('button', { name: 'Registrera insatsen' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Rätta de markerade fälten');
  await expect(page.getByText('En negativ bedömning behöver en motivering.')).toBeVisible();
  await page.getByLabel('Motivering – Miljömässig hållbarhet').fill('Fler besökare i känsliga fjällmiljöer');
  await page.getByRole('button', { name: 'Registrera insatsen' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Totalt 3 750 000 kr')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Var insatsen når' })).toContainText('Östersund');
  await expect(page.getByRole('region', { name: 'Resultat och indikatorer' })).toContainText('12,5');
  await expect(page.getByRole('region', { name: 'Koppling till mål' })).toContainText('8.9, 15.1');

  await page.goto('/insatser');
  await page.getByLabel('Sök i titel och beskrivning').fill('vandringsled');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await waitForData(page);
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV', exact: true }).click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path, 'utf8');
  expect(csv).toContain(title);
  expect(csv.split('\n')[0]).toContain('diarienummer;titel');
});

test('filters narrow the list and the totals; the filters are in the address', async ({ page }) => {
  await page.goto('/insatser');
  await waitForData(page);
  const totals = page.getByTestId('effort-totals');
  const all = await totals.textContent();
  await page.getByLabel('Agenda 2030-mål').selectOption('7');
  await expect(page).toHaveURL(/sdgGoal=7/);
  await waitForData(page);
  await expect(totals).not.toHaveText(all ?? '');
  await page.getByLabel('Nationellt strategiskt område').selectOption('1');
  await expect(page).toHaveURL(/nationalArea=1/);
  await waitForData(page);
  const rows = page.getByRole('table').getByRole('rowheader');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText(/Solenergi|Energieffektiva|Klimatanpassning/);
});
