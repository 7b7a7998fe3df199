import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { gotoInLanguage, signInAs } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const PAGES: { path: string; lang: 'sv' | 'en' }[] = [
  { path: '/', lang: 'sv' },
  { path: '/', lang: 'en' },
  { path: '/kommuner', lang: 'sv' },
  { path: '/kommuner/2380', lang: 'sv' },
  { path: '/agenda-2030', lang: 'sv' },
  { path: '/styrning', lang: 'sv' },
  { path: '/kommuner/9999', lang: 'sv' },
  { path: '/insatser', lang: 'sv' },
  { path: '/aktorer', lang: 'sv' },
  { path: '/logga-in', lang: 'sv' },
  { path: '/logga-in', lang: 'en' },
  { path: '/installera#token=x', lang: 'sv' },
  { path: '/admin/anvandare', lang: 'sv' },
  { path: '/konto', lang: 'en' },
];

// Pages behind sign-in, checked as the role that sees the most of them.
const SIGNED_IN: { path: string; role: 'admin' | 'editor' }[] = [
  { path: '/konto', role: 'editor' },
  { path: '/admin/anvandare', role: 'admin' },
  { path: '/aktorer', role: 'editor' },
  { path: '/insatser', role: 'editor' },
  { path: '/insatser/ny', role: 'editor' },
  { path: '/insatser/import', role: 'editor' },
];

for (const { path, lang } of PAGES) {
  test(`axe finds no WCAG 2.1 AA violations on ${path} (${lang})`, async ({ page }) => {
    await gotoInLanguage(page, path, lang);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path === '/agenda-2030') {
      // Check the expanded content too (English fallbacks with lang attributes).
      await page.getByRole('button', { name: 'Visa alla delmål' }).click();
    }
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    expect(summary).toEqual([]);
  });
}

for (const { path, role } of SIGNED_IN) {
  test(`axe finds no WCAG 2.1 AA violations on ${path} signed in as ${role}`, async ({ page }) => {
    const base = test.info().project.use.baseURL ?? '';
    await page.request.post('/api/auth/sign-in/email', {
      data: { email: `${role}@demo.regionkraft.example`, password: `demo-${role}-2026` },
      headers: { origin: base },
    });
    await gotoInLanguage(page, path, 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
}

test('axe finds no violations on an actor page and an effort page with their forms and history (editor)', async ({
  page,
}) => {
  const base = test.info().project.use.baseURL ?? '';
  await page.request.post('/api/auth/sign-in/email', {
    data: { email: 'editor@demo.regionkraft.example', password: 'demo-editor-2026' },
    headers: { origin: base },
  });
  await gotoInLanguage(page, '/aktorer', 'sv');
  await page.getByRole('table').getByRole('link', { name: 'Östersunds kommun' }).click();
  await expect(page.getByRole('region', { name: 'Ändringshistorik' })).toBeVisible();
  await expectNoViolations(page);
  await gotoInLanguage(page, '/insatser', 'sv');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Ändringshistorik' })).toBeVisible();
  await expectNoViolations(page);
});

test('axe finds no violations on the users page with a user editor and field errors open (admin, sv and en)', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  for (const lang of ['sv', 'en'] as const) {
    await gotoInLanguage(page, '/admin/anvandare', lang);
    await page
      .getByRole('button', { name: lang === 'sv' ? 'Ändra Demo Läsare' : 'Change Demo Läsare' })
      .click();
    const form = page.getByRole('region', { name: lang === 'sv' ? 'Lägg till användare' : 'Add a user' });
    await form.getByRole('combobox').first().selectOption('partner');
    await form.getByRole('button').click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expectNoViolations(page);
  }
});

test('axe finds no violations on the first-run form (sv and en)', async ({ page }) => {
  await page.route('**/api/v1/setup', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { needed: true } }) : route.fallback(),
  );
  for (const lang of ['sv', 'en'] as const) {
    await page.goto('about:blank'); // a fresh document, so the language takes effect
    await gotoInLanguage(page, '/installera#token=x', lang);
    await expect(
      page.getByRole('button', { name: lang === 'sv' ? 'Skapa administratör' : 'Create administrator' }),
    ).toBeVisible();
    await expectNoViolations(page);
  }
});

test('axe finds no violations on the actor list with the new-actor form, and an actor page in English (editor)', async ({
  page,
}) => {
  await signInAs(page, 'editor');
  await gotoInLanguage(page, '/aktorer', 'sv');
  await page.getByRole('button', { name: 'Ny aktör' }).click();
  await page.getByRole('button', { name: 'Lägg till aktör' }).click();
  await expect(page.getByRole('region', { name: 'Ny aktör' }).getByRole('alert')).toBeVisible();
  await expectNoViolations(page);
  await gotoInLanguage(page, '/aktorer', 'en');
  await page.getByRole('table').getByRole('link', { name: 'Exempelföretaget i Åre AB' }).click();
  await expect(page.getByRole('heading', { name: 'Change details' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Change history' })).toBeVisible();
  await expectNoViolations(page);
});

async function expectNoViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

test('the layout works at tablet width without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const path of [
    '/',
    '/kommuner',
    '/kommuner/2380',
    '/agenda-2030',
    '/styrning',
    '/aktorer',
    '/logga-in',
  ]) {
    await gotoInLanguage(page, path, 'sv');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('the signed-in pages work at tablet width without horizontal scrolling (admin)', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInAs(page, 'admin');
  for (const path of ['/admin/anvandare', '/konto', '/aktorer']) {
    await gotoInLanguage(page, path, 'sv');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await page.getByRole('table').getByRole('link', { name: 'Östersunds kommun' }).click();
  await expect(page.getByRole('region', { name: 'Ändringshistorik' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow on an actor page').toBeLessThanOrEqual(0);
});
