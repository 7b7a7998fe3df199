import type { Page } from '@playwright/test';

/** Swedish number format as the UI renders it ("64 979" with a no-break space). */
export const sv = (n: number): string => new Intl.NumberFormat('sv-SE').format(n);

/** Waits until the page has rendered its data (no loading indicator left). */
export async function waitForData(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.status-loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Opens a page with the UI language preset in localStorage. */
export async function gotoInLanguage(page: Page, url: string, lang: 'sv' | 'en'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('regionkraft.lang', l), lang);
  await page.goto(url);
  await waitForData(page);
}
