import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, signInWith, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const OPEN_EXAMPLE = 'Exempel: Året-runt-turism i Bräcke';
const ENDED_EXAMPLE = 'Exempel: Solenergi för lantbruk i Krokom';
const WARNING_OPEN = 'Ett beslut är registrerat medan samrådet pågår';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

const rows = (page: Page) => page.getByTestId('consultation-table').locator('tbody tr');

/** The date `days` before today in Sweden, as a date field takes it (YYYY-MM-DD). */
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
/** An ISO date as the pages show it in Swedish ("20 november 2026"). */
const shown = (iso: string) => {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
};

/** Fills the parts of a new consultation every test needs: the kind of matter, a name, a party. */
async function startNew(page: Page, title: string, party: string, kind: string) {
  await page.goto('/samrad/ny');
  await waitForData(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt samråd');
  await page.getByLabel('Typ av ärende').selectOption({ label: kind });
  await page.getByLabel('Ärendets namn').fill(title);
  await page.getByRole('checkbox', { name: party }).check();
}

test.describe('Samråd med samer (lag 2022:66)', () => {
  test('an editor sees the two examples, the open one with its warning, and the law explained', async ({
    page,
  }) => {
    test.slow(); // two axe runs and the filter round trips
    await signInAs(page, 'editor');
    await page.goto('/samrad');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samråd med samer');
    const duty = page.getByRole('region', { name: 'Regionens skyldighet att konsultera' });
    await expect(duty).toContainText('Lag (2022:66) om konsultation i frågor som rör det samiska folket');
    await expect(duty).toContainText('1 mars 2024');
    await expect(duty).toContainText('Av särskild betydelse för samerna');
    await expect(duty).toContainText('Undantag (4 §)');
    await expect(page.getByRole('link', { name: 'Nytt samråd' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Insatser som kan behöva samråd' })).toHaveAttribute(
      'href',
      '/malkonflikter/forslag',
    );

    await expect(rows(page)).toHaveCount(2);
    const open = rows(page).filter({ hasText: OPEN_EXAMPLE });
    await expect(open).toContainText('Exempel');
    await expect(open).toContainText('Handölsdalens sameby, Sametinget');
    await expect(open).toContainText('1 september 2026');
    await expect(open).toContainText('Pågår');
    await expect(open).toContainText(WARNING_OPEN);
    const ended = rows(page).filter({ hasText: ENDED_EXAMPLE });
    await expect(ended).toContainText('Enighet');
    await expect(ended).toContainText('1 juni 2026');
    await expect(ended).not.toContainText(WARNING_OPEN);
    await expectNoViolations(page);

    // The filter by status narrows the list (and is kept in the address).
    await page.getByLabel('Status').selectOption({ label: 'Pågår' });
    await waitForData(page);
    await expect(page).toHaveURL(/utfall=pending/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toContainText(OPEN_EXAMPLE);
    await page.getByLabel('Status').selectOption({ label: 'Undantaget (4 §)' });
    await waitForData(page);
    await expect(page.getByTestId('consultation-empty')).toHaveText('Inga samråd har den valda statusen.');
    await page.getByLabel('Status').selectOption({ label: 'Alla' });
    await waitForData(page);

    // The open example: the warning in Swedish (by code, not the API's English), all facts.
    await rows(page).getByRole('link', { name: OPEN_EXAMPLE }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OPEN_EXAMPLE);
    const warnings = page.getByRole('region', { name: 'Varning' });
    await expect(warnings.getByTestId('warning-decision_while_open')).toContainText(WARNING_OPEN);
    await expect(warnings).not.toContainText('A decision is recorded');
    await expect(page.getByTestId('consultation-parties')).toContainText('Handölsdalens sameby – Sameby');
    await expect(page.getByTestId('consultation-meetings')).toContainText('6 oktober 2026');
    await expect(page.getByTestId('consultation-meetings')).toContainText('Möte i Åre');
    await expect(page.getByTestId('consultation-documents')).toContainText(
      'Minnesanteckningar 2026-10-06 (exempel) (ingen länk)',
    );
    await expect(page.getByTestId('consultation-decision')).toContainText('20 oktober 2026');
    await expect(page.getByRole('link', { name: 'Ändra' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('an editor records a consultation, is stopped without an end date, and ends it with one', async ({
    page,
  }) => {
    test.slow(); // many steps, and axe three times
    await signInAs(page, 'editor');
    await page.goto('/samrad/ny');
    await waitForData(page);
    await expectNoViolations(page);

    // Picking the effort names the matter after it; the officer may rename it.
    await page
      .getByLabel('Insats', { exact: true })
      .selectOption({ label: 'Solenergi för lantbruk i Krokom' });
    await expect(page.getByLabel('Ärendets namn')).toHaveValue('Solenergi för lantbruk i Krokom');
    const title = `Solparker och vinterbete ${Date.now()}`;
    await page.getByLabel('Ärendets namn').fill(title);
    await page
      .getByLabel('Varför ärendet kan vara av särskild betydelse för samerna')
      .fill('Solparker kan ta mark i vinterbetesområden.');
    const requested = daysAgo(60);
    const met = daysAgo(30);
    const ended = daysAgo(7);
    await page.getByLabel('Begärt den').fill(requested);

    // Without a party the form says so at the parties.
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Rätta de markerade fälten');
    await expect(page.getByTestId('party-picker')).toContainText('Välj minst en samisk part.');
    await page.getByRole('checkbox', { name: 'Jijnjevaerie sameby' }).check();

    await page.getByRole('button', { name: 'Lägg till möte' }).click();
    const meeting = page.getByRole('group', { name: 'Möte 1' });
    await meeting.getByLabel('Datum', { exact: true }).fill(met);
    await meeting.getByLabel('Form och plats').fill('Möte i Krokom');
    await meeting.getByLabel('Anteckning').fill('Genomgång av tänkta placeringar.');
    await page.getByRole('button', { name: 'Lägg till dokument' }).click();
    await page.getByRole('group', { name: 'Dokument 1' }).getByLabel('Titel').fill('Minnesanteckningar');
    await page
      .getByRole('group', { name: 'Dokument 1' })
      .getByLabel('Länk')
      .fill('https://diarium.example/RJH-2026-77');
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Spara samråd' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Samrådet är sparat.')).toBeVisible();
    // The notice is for the arrival only: it does not come back on a refresh.
    await page.reload();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Samrådet är sparat.')).toHaveCount(0);
    await expect(page.getByTestId('consultation-parties')).toContainText('Jijnjevaerie sameby');
    await expect(page.getByTestId('consultation-meetings')).toContainText(shown(met));
    await expect(page.getByTestId('consultation-meetings')).toContainText('Möte i Krokom');
    await expect(page.getByRole('link', { name: 'Minnesanteckningar' })).toHaveAttribute(
      'href',
      'https://diarium.example/RJH-2026-77',
    );
    await expect(page.getByRole('link', { name: 'Solenergi för lantbruk i Krokom' })).toBeVisible();
    await expect(page.getByTestId('consultation-outcome')).toContainText('Pågår');
    await expect(page.getByRole('region', { name: 'Varning' })).toHaveCount(0);

    // Agreement without the date it was reached: refused, with the message at the date field.
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ändra samråd: ${title}`);
    await page.getByRole('radio', { name: 'Enighet', exact: true }).check();
    const endDate = page.getByLabel('Avslutat den');
    await expect(endDate).toHaveValue('');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Samrådet sparades inte');
    await expect(endDate).toHaveAttribute('aria-invalid', 'true');
    await expect(endDate).toHaveAccessibleDescription(/Ange datum då samrådet avslutades\./);
    await expect(endDate).toBeFocused();
    await expect(page.getByTestId('form-error')).toContainText('Ange datum då samrådet avslutades.');
    // "Form för konsultationen" is a field of its own, untouched by the form's message.
    await expect(page.getByLabel('Form för konsultationen')).toHaveAttribute('aria-invalid', 'false');
    await expectNoViolations(page);

    // A date in the future, or before the request, is refused too.
    await endDate.fill(daysAgo(-3));
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(endDate).toHaveAccessibleDescription(/Datumet kan inte ligga i framtiden\./);
    await endDate.fill(daysAgo(90));
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(endDate).toHaveAccessibleDescription(
      /Samrådet kan inte avslutas före datumet då det begärdes\./,
    );

    await endDate.fill(ended);
    await page.getByLabel('Vad som kom fram').fill('Enighet om att undvika vinterbetet.');

    // The server checks the same rule; its English message is shown in Swedish at the field.
    // (The date is taken out of the request on its way, as if the browser check were missing.)
    const route = '**/api/v1/sami-consultations/*';
    await page.route(route, async (r) => {
      const body = r.request().postDataJSON() as Record<string, unknown> | null;
      if (r.request().method() !== 'PATCH' || !body) return r.continue();
      await r.continue({ postData: JSON.stringify({ ...body, outcomeOn: null }) });
    });
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Samrådet sparades inte');
    await expect(endDate).toHaveAttribute('aria-invalid', 'true');
    await expect(endDate).toHaveAccessibleDescription(/Ange datum då samrådet avslutades\./);
    await expect(page.getByText('give the date the consultation ended')).toHaveCount(0);
    await page.unroute(route);

    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Samrådet är sparat.')).toBeVisible();
    await expect(page.getByTestId('consultation-outcome')).toContainText('Enighet');
    await expect(page.getByTestId('consultation-outcome-on')).toHaveText(shown(ended));
    await expect(page.getByTestId('consultation-outcome')).toContainText(
      'Enighet om att undvika vinterbetet.',
    );

    // The list shows it with its status.
    await page.getByRole('link', { name: 'Samråd med samer' }).first().click();
    await waitForData(page);
    await expect(rows(page).filter({ hasText: title })).toContainText('Enighet');
  });

  test('a decision recorded while the consultation is open raises the warning', async ({ page }) => {
    await signInAs(page, 'editor');
    const title = `Ny besöksled genom flyttled ${Date.now()}`;
    await startNew(page, title, 'Sametinget', 'Insats');
    // A matter of the kind "Insats" names its effort.
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(page.getByLabel('Insats', { exact: true })).toHaveAccessibleDescription(
      /Välj insatsen som ärendet gäller/,
    );
    await page.getByLabel('Typ av ärende').selectOption({ label: 'Beslut' });
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('region', { name: 'Varning' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    // A decision date without its text is refused.
    const decided = daysAgo(2);
    await page.getByLabel('Beslutsdatum').fill(decided);
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByLabel('Beslut i ärendet')).toHaveAccessibleDescription('Beskriv beslutet.');
    await page.getByLabel('Beslut i ärendet').fill('Regionen beviljar medfinansiering.');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const warnings = page.getByRole('region', { name: 'Varning' });
    await expect(warnings).toBeVisible();
    await expect(warnings).toContainText(WARNING_OPEN);
    await expect(page.getByTestId('consultation-decision')).toContainText(shown(decided));
    await expect(page.getByTestId('consultation-outcome')).toContainText('Pågår');

    await page.goto('/samrad');
    await waitForData(page);
    await expect(rows(page).filter({ hasText: title })).toContainText(WARNING_OPEN);
  });

  test('an exempted matter needs its ground, and a change saved by someone else is not overwritten', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    const title = `Tillsynsärende ${Date.now()}`;
    await startNew(page, title, 'Sametinget', 'Annat ärende');
    await page.getByRole('radio', { name: 'Undantaget (4 §)' }).check();
    const ground = page.getByLabel('Grund för undantag (4 §)');
    await expect(ground).toBeVisible();
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(ground).toHaveAttribute('aria-invalid', 'true');
    await expect(ground).toHaveAccessibleDescription(/Ange grunden för undantaget \(4 §\)\./);
    await ground.fill('Tillsyn (4 §).');
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('consultation-outcome')).toContainText('Undantaget (4 §)');
    await expect(page.getByTestId('consultation-outcome')).toContainText('Tillsyn (4 §).');
    const id = page.url().split('/').pop() ?? '';

    // Someone else saves while the form is open: the save is refused (412), the writer's
    // changes stay, and what the other changed is taken over or shown.
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    const current = await page.request.get(`/api/v1/sami-consultations/${id}`);
    const response = await page.request.patch(`/api/v1/sami-consultations/${id}`, {
      data: { requestedOn: '2026-08-01', significance: 'Kollegans bedömning.' },
      headers: { 'if-match': current.headers().etag ?? '', origin: baseUrl() },
    });
    expect(response.status()).toBe(200);
    const significance = page.getByLabel('Varför ärendet kan vara av särskild betydelse för samerna');
    await page.getByLabel('Vad som kom fram').fill('Min ändring');
    await significance.fill('Min bedömning.');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan har sparat samrådet');
    await expect(page.getByLabel('Vad som kom fram')).toHaveValue('Min ändring');
    await expect(significance).toHaveValue('Min bedömning.');
    // Only the colleague changed the request date: taken over. Both changed the significance:
    // the writer's text stays, the saved one is shown with a button to take it instead.
    await expect(page.getByLabel('Begärt den')).toHaveValue('2026-08-01');
    await expect(page.getByTestId('stale-taken')).toContainText('Begärt den');
    const both = page.getByTestId('stale-both');
    await expect(both).toContainText('Varför ärendet kan vara av särskild betydelse för samerna');
    await expect(both).toContainText('Kollegans bedömning.');
    await expect(
      both.getByRole('button', { name: /Använd det sparade värdet för Varför ärendet/ }),
    ).toBeVisible();
    await expectNoViolations(page);

    // Saved again without retyping: both the colleague's change and the writer's are stored.
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Samrådet är sparat.')).toBeVisible();
    await expect(page.getByTestId('consultation-outcome')).toContainText('Min ändring');
    const stored = (await (await page.request.get(`/api/v1/sami-consultations/${id}`)).json()) as {
      requestedOn: string | null;
      significance: string;
      outcomeNote: string | null;
    };
    expect(stored).toMatchObject({
      requestedOn: '2026-08-01',
      significance: 'Min bedömning.',
      outcomeNote: 'Min ändring',
    });

    // Taking the saved value instead puts it in the field.
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    const again = await page.request.get(`/api/v1/sami-consultations/${id}`);
    const second = await page.request.patch(`/api/v1/sami-consultations/${id}`, {
      data: { outcomeNote: 'Kollegans anteckning' },
      headers: { 'if-match': again.headers().etag ?? '', origin: baseUrl() },
    });
    expect(second.status()).toBe(200);
    await page.getByLabel('Vad som kom fram').fill('Min andra ändring');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan har sparat samrådet');
    await page.getByRole('button', { name: 'Använd det sparade värdet för Vad som kom fram' }).click();
    await expect(page.getByLabel('Vad som kom fram')).toHaveValue('Kollegans anteckning');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('consultation-outcome')).toContainText('Kollegans anteckning');
  });

  test('?insats= picks the effort (the link from the review queue)', async ({ page }) => {
    await signInAs(page, 'editor');
    const efforts = (await (await page.request.get('/api/v1/efforts?limit=500')).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const effort = efforts.items.find((e) => e.title === 'Året-runt-turism i Bräcke');
    expect(effort).toBeDefined();
    await page.goto(`/samrad/ny?insats=${effort?.id}`);
    await waitForData(page);
    await expect(page.getByLabel('Insats', { exact: true })).toHaveValue(effort?.id ?? '');
    await expect(page.getByLabel('Ärendets namn')).toHaveValue('Året-runt-turism i Bräcke');
  });

  test('a partner who is no party sees an empty list with the explanation, and no record', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    const all = (await (await page.request.get('/api/v1/sami-consultations')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(all.items.length).toBeGreaterThanOrEqual(2);

    await signInAs(page, 'partner');
    await page.goto('/samrad');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samråd med samer');
    await expect(page.getByRole('region', { name: 'Regionens skyldighet att konsultera' })).toContainText(
      '2022:66',
    );
    await expect(page.getByTestId('consultation-scope')).toHaveText(
      'Du ser bara samråd där din organisation, Östersunds kommun, är part.',
    );
    await expect(page.getByTestId('consultation-empty')).toHaveText(
      'Din organisation är inte part i något registrerat samråd.',
    );
    await expect(page.getByTestId('consultation-table')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nytt samråd' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Insatser som kan behöva samråd' })).toHaveCount(0);
    await expectNoViolations(page);

    await page.goto(`/samrad/${all.items[0]?.id}`);
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samrådet finns inte');
    await page.goto('/samrad/ny');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Du har inte behörighet att se den här sidan',
    );
  });

  test('a partner for a sameby sees the consultations the sameby is party to, and no other', async ({
    page,
  }) => {
    test.slow(); // a user is made first, and axe runs
    // A consultation the sameby is no party to.
    await signInAs(page, 'editor');
    const title = `Samråd utan samebyn ${Date.now()}`;
    await startNew(page, title, 'Sametinget', 'Annat ärende');
    await page.getByRole('button', { name: 'Spara samråd' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const otherId = page.url().split('/').pop() ?? '';

    // The admin makes a partner user for Handölsdalens sameby.
    await signInAs(page, 'admin');
    const actors = (await (await page.request.get('/api/v1/actors?limit=500')).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    const sameby = actors.items.find((a) => a.name === 'Handölsdalens sameby');
    expect(sameby).toBeDefined();
    const email = `samebyn-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.regionkraft.example`;
    const password = 'samebyns-losen-2026';
    const created = await page.request.post('/api/v1/users', {
      data: { email, name: 'Partner i samebyn', role: 'partner', organisationId: sameby?.id, password },
      headers: { origin: baseUrl() },
    });
    expect(created.status()).toBe(201);

    await signInWith(page, email, password);
    await page.goto('/samrad');
    await waitForData(page);
    await expect(page.getByTestId('consultation-scope')).toHaveText(
      'Du ser bara samråd där din organisation, Handölsdalens sameby, är part.',
    );
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).filter({ hasText: OPEN_EXAMPLE })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: ENDED_EXAMPLE })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: title })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nytt samråd' })).toHaveCount(0);
    await expectNoViolations(page);

    await rows(page).getByRole('link', { name: OPEN_EXAMPLE }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OPEN_EXAMPLE);
    await expect(page.getByTestId('consultation-parties')).toContainText('Handölsdalens sameby');
    await expect(page.getByRole('link', { name: 'Ändra' })).toHaveCount(0);
    await expectNoViolations(page);

    await page.goto(`/samrad/${otherId}`);
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samrådet finns inte');
    await expect(page.getByText(title)).toHaveCount(0);
  });

  test('a viewer reads all consultations but may not change them', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.goto('/samrad');
    await waitForData(page);
    await expect(rows(page).filter({ hasText: OPEN_EXAMPLE })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: ENDED_EXAMPLE })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Nytt samråd' })).toHaveCount(0);
    await rows(page).getByRole('link', { name: OPEN_EXAMPLE }).click();
    await waitForData(page);
    await expect(page.getByRole('region', { name: 'Varning' })).toContainText(WARNING_OPEN);
    await expect(page.getByRole('link', { name: 'Ändra' })).toHaveCount(0);
  });

  test('anonymous visitors are asked to sign in; the records are never public', async ({ page }) => {
    expect((await page.request.get('/api/v1/sami-consultations')).status()).toBe(401);
    await page.goto('/samrad');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
    await expect(page.getByRole('main').getByRole('link', { name: 'Logga in' })).toHaveAttribute(
      'href',
      '/logga-in?next=%2Fsamrad',
    );
    await expect(page.getByText(OPEN_EXAMPLE)).toHaveCount(0);
    await expectNoViolations(page);
    await page.goto('/samrad/ny');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
  });

  test('in English: list, record and form, without accessibility violations', async ({ page }) => {
    test.slow(); // three axe runs
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/samrad', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sami consultations');
    await expect(page.getByRole('region', { name: 'The region’s duty to consult' })).toContainText(
      'Act (2022:66)',
    );
    await expect(rows(page).filter({ hasText: OPEN_EXAMPLE })).toContainText(
      'A decision is recorded while the consultation is ongoing',
    );
    await expect(rows(page).filter({ hasText: OPEN_EXAMPLE })).toContainText('Ongoing');
    await expectNoViolations(page);

    await rows(page).getByRole('link', { name: OPEN_EXAMPLE }).click();
    await waitForData(page);
    await expect(page.getByRole('region', { name: 'Warning' })).toBeVisible();
    await expect(page.getByTestId('consultation-meetings')).toContainText('6 October 2026');
    // Kinds of parties without doubled brackets; texts recorded in Swedish are marked as such.
    await expect(page.getByTestId('consultation-parties')).toContainText(
      'Handölsdalens sameby – Sámi village (sameby)',
    );
    await expect(page.getByTestId('consultation-parties')).not.toContainText('))');
    await expect(
      page.getByRole('heading', { level: 1 }).locator('xpath=ancestor::*[@lang][1]'),
    ).toHaveAttribute('lang', 'sv');
    await expect(page.getByTestId('consultation-meetings').locator('[lang="sv"]').first()).toBeVisible();
    await expect(page.getByTestId('consultation-decision').locator('dd[lang="sv"]')).toHaveCount(1);
    await expectNoViolations(page);

    await page.getByRole('link', { name: 'Edit' }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit consultation: ${OPEN_EXAMPLE}`);
    await page.getByRole('radio', { name: 'Agreement', exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByLabel('Ended on')).toHaveAccessibleDescription(
      /Give the date the consultation ended\./,
    );
    await expectNoViolations(page);
  });
});
