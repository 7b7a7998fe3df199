import { expect, test } from '@playwright/test';
import { waitForData } from './helpers';

test.describe('start page', () => {
  test('shows the goal, three priorities, four strength areas and the steering documents', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForData(page);

    await expect(page).toHaveTitle(/Regionkraft/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Regional tillväxtpolitik i Jämtlands län',
    );
    await expect(page.locator('.goal blockquote')).toContainText(
      'Utvecklingskraft med stärkt lokal och regional konkurrenskraft för en hållbar utveckling i alla delar av länet',
    );

    const priorities = page.getByTestId('priorities').locator('> li');
    await expect(priorities).toHaveCount(3);
    await expect(priorities.nth(0)).toContainText('Förutsättningar för utvecklingskraft i hela länet');
    await expect(priorities.nth(1)).toContainText('målkonflikter');
    await expect(priorities.nth(2)).toContainText('styrkeområdena');

    const areas = page.getByTestId('strength-areas').locator('> li');
    await expect(areas).toHaveCount(4);
    for (const name of ['Jord, skog och vatten', 'Upplevelser', 'Hållbar energi', 'Digitala lösningar']) {
      await expect(page.getByTestId('strength-areas').getByRole('heading', { name })).toBeVisible();
    }

    const docs = page.getByTestId('documents');
    await expect(docs.locator('> li')).toHaveCount(3);
    for (const dnr of ['RUN/515/2018', 'RUN/516/2020', 'RUN/430/2018']) {
      await expect(docs).toContainText(dnr);
    }
  });

  test('has landmarks, a skip link and navigation to the coming features', async ({ page }) => {
    await page.goto('/');
    await waitForData(page);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Källa: SCB');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
    await expect(skip).toBeFocused();

    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const [name, path] of [['Årsrapport', '/rapporter']] as const) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByText('Under uppbyggnad', { exact: true }).last()).toBeVisible();
    }
    await expect(page.getByRole('banner').getByRole('link', { name: 'API-dokumentation' })).toHaveAttribute(
      'href',
      '/api/docs',
    );
  });

  test('an unknown path shows a not-found page', async ({ page }) => {
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
  });
});
