import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const base = 'http://127.0.0.1:3055';
// spec: name|path|who|width|lang
const specs = process.argv.slice(2);
const errors = [];
for (const spec of specs) {
  const [name, path, who, width, lang] = spec.split('|');
  const ctx = await browser.newContext({ viewport: { width: Number(width || 1280), height: 900 }, locale: 'sv-SE' });
  await ctx.addInitScript((l) => window.localStorage.setItem('regionkraft.lang', l), lang || 'sv');
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${name}: ${m.text()}`); });
  if (who && who !== 'anon') {
    const r = await page.request.post(`${base}/api/auth/sign-in/email`, { data: { email: `${who}@demo.regionkraft.example`, password: `demo-${who}-2026` }, headers: { origin: base } });
    if (r.status() !== 200) errors.push(`${name}: sign-in ${r.status()}`);
  }
  await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  await ctx.close();
}
console.log('errors', errors);
await browser.close();
