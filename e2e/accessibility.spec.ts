import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { gotoInLanguage } from './helpers';

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

test('the layout works at tablet width without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const path of ['/', '/kommuner', '/kommuner/2380', '/agenda-2030', '/styrning']) {
    await gotoInLanguage(page, path, 'sv');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});
