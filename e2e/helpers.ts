import { type Page, test } from '@playwright/test';

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

export type DemoRole = 'admin' | 'editor' | 'partner' | 'viewer';
export const demoEmail = (role: DemoRole): string => `${role}@demo.regionkraft.example`;
export const demoPassword = (role: DemoRole): string => `demo-${role}-2026`;

/**
 * Signs in through the API with the page's cookie jar (faster than the form; one test signs in
 * with the form). better-auth checks the Origin of its endpoints.
 */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await signInWith(page, demoEmail(role), demoPassword(role));
}

export async function signInWith(page: Page, email: string, password: string): Promise<void> {
  const response = await page.request.post('/api/auth/sign-in/email', {
    data: { email, password },
    headers: { origin: baseUrl() },
  });
  if (response.status() !== 200) throw new Error(`sign-in as ${email}: HTTP ${response.status()}`);
}

/** The app's origin, for the Origin header the API wants on writes. */
export function baseUrl(): string {
  return test.info().project.use.baseURL ?? '';
}
