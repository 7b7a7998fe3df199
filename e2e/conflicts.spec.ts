import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DOCUMENTED = [
  'Gruvbrytning i alunskiffer mot dricksvatten, jordbruk och turism vid Storsjön',
  'Vindkraft mot renskötsel',
  'Besöksnäringens tillväxt mot bostäder, kommunal ekonomi och arbetskraft i Åre',
  'Skogsbruk mot renskötselns vinterbete i östra Jämtland',
];

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

async function expectNoHorizontalScroll(page: Page) {
  // When the page is wider than the screen, the elements that stick out are named.
  const problems = await page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over <= 0) return [];
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`);
    return [`${location.pathname} is ${over}px too wide`, ...wide];
  });
  expect(problems).toEqual([]);
}

/** The statuses of the timeline's steps, oldest first. */
const timelineStatuses = (page: Page) =>
  page.getByTestId('timeline-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));

async function openStepForm(page: Page) {
  await page.getByRole('button', { name: 'Lägg till steg' }).click();
  const form = page.getByTestId('step-form');
  await expect(form).toBeVisible();
  // The button is gone: focus is on the form's heading, which names the form.
  await expect(page.getByRole('heading', { name: 'Lägg till steg', level: 3 })).toBeFocused();
  await expect(page.getByRole('form', { name: 'Lägg till steg' })).toBeVisible();
  return form;
}

test.describe('goal-conflict register (public)', () => {
  test('lists the four documented conflicts, narrows by municipality, has the map with its table', async ({
    page,
  }) => {
    await page.goto('/malkonflikter');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Målkonflikter');
    await expect(page.getByText('Vad är en målkonflikt?')).toBeVisible();

    const cards = page.getByTestId('conflict-list').locator('li.conflict-card');
    await expect(cards).toHaveCount(4);
    expect((await cards.locator('h3').allTextContents()).sort()).toEqual([...DOCUMENTED].sort());
    await expect(page.getByTestId('conflict-totals')).toHaveText('4 målkonflikter');
    // Status and severity in words; a link to the conflict's page.
    const wind = cards.filter({ hasText: 'Vindkraft mot renskötsel' });
    await expect(wind.getByTestId('conflict-status')).toHaveText('Hanterad');
    await expect(wind).toContainText('Hög (3 av 3)');
    await expect(wind).toContainText('Jijnjevaerie sameby');
    await expect(wind.getByRole('link', { name: 'Vindkraft mot renskötsel' })).toHaveAttribute(
      'href',
      /^\/malkonflikter\/[0-9a-f-]{36}$/,
    );
    // Staff-only things are not offered to the public.
    await expect(page.getByRole('link', { name: 'Ny målkonflikt' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Förslag att granska' })).toHaveCount(0);

    // The map is drawn, and its table gives the same numbers in text.
    await expect(page.getByTestId('conflict-map').locator('svg')).toHaveCount(1);
    await expect(page.getByTestId('conflict-map')).toHaveAttribute('role', 'img');
    await expect(page.getByTestId('conflict-map-legend')).toContainText('3 eller fler');
    const table = page.getByTestId('conflict-map-table');
    await expect(table.locator('tbody tr')).toHaveCount(8);
    await expect(table.locator('tbody tr').filter({ hasText: 'Krokom' }).locator('td')).toHaveText('2');
    await expect(table.locator('tbody tr').filter({ hasText: 'Strömsund' }).locator('td')).toHaveText('0');
    await expect(table).toContainText('Ingen målkonflikt i urvalet berör Strömsund.');

    // Filter by a municipality: the list, the address and the map's table narrow with it.
    await page.getByLabel('Kommun eller sameby').selectOption({ label: 'Krokom' });
    await expect(page).toHaveURL(/place=2309/);
    await expect(cards).toHaveCount(2);
    expect((await cards.locator('h3').allTextContents()).sort()).toEqual(
      [DOCUMENTED[0] ?? '', DOCUMENTED[1] ?? ''].sort(),
    );
    await expect(page.getByTestId('conflict-totals')).toHaveText('2 målkonflikter i urvalet');
    await expect(table.locator('tbody tr').filter({ hasText: 'Härjedalen' }).locator('td')).toHaveText('0');

    // The download has the same filter, and the file holds the same conflicts.
    const csv = page.getByTestId('download-csv');
    await expect(csv).toHaveAttribute('href', /place=2309/);
    const file = await page.request.get((await csv.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    const text = await file.text();
    expect(text).toContain('Vindkraft mot renskötsel');
    expect(text).not.toContain('Besöksnäringens tillväxt');
    await expect(page.getByTestId('download-xlsx')).toHaveAttribute('href', /format=xlsx/);

    // A municipality in the map's table filters too; a sameby can be chosen as the place.
    await page.getByRole('link', { name: 'Visa målkonflikter i Ragunda' }).click();
    await expect(page).toHaveURL(/place=2303/);
    await expect(cards).toHaveCount(1);
    await expect(cards.locator('h3')).toHaveText(DOCUMENTED[3] ?? '');
    await page.getByLabel('Kommun eller sameby').selectOption({ label: 'Jovnevaerie sameby' });
    await expect(cards).toHaveCount(1);
    await expect(cards.locator('h3')).toHaveText('Vindkraft mot renskötsel');

    // Other filters, kept in the address; reload keeps them.
    await page.getByRole('button', { name: 'Rensa urvalet' }).click();
    await expect(cards).toHaveCount(4);
    await page.getByLabel('Status').selectOption({ label: 'Identifierad' });
    await expect(cards).toHaveCount(1);
    await page.reload();
    await waitForData(page);
    await expect(page.getByLabel('Status')).toHaveValue('identified');
    await expect(cards).toHaveCount(1);
    await page.getByLabel('Status').selectOption('');
    await expect(
      page.getByRole('searchbox', { name: 'Sök i titel och beskrivning', exact: true }),
    ).toHaveCount(1);
    await page.getByLabel('Sök i titel och beskrivning').fill('vindkraft');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page).toHaveURL(/q=vindkraft/);
    await expect(cards.locator('h3')).toContainText(['Vindkraft mot renskötsel']);
  });

  test('the public conflict page shows the history but no step form; the queue asks to sign in', async ({
    page,
  }) => {
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Gruvbrytning i alunskiffer' }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DOCUMENTED[0] ?? '');
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed', 'handled']);
    await expect(page.getByTestId('timeline-step').nth(2)).toContainText('Avvägning');
    await expect(page.getByTestId('timeline-step').nth(2)).toContainText('Motivering av avvägningen:');
    await expect(page.getByRole('button', { name: 'Lägg till steg' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ändra' })).toHaveCount(0);

    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att se sidan');
    await expect(page.getByRole('link', { name: 'Logga in' }).last()).toHaveAttribute(
      'href',
      /\/logga-in\?next=%2Fmalkonflikter%2Fforslag/,
    );
    await expect(page.getByTestId('suggestion')).toHaveCount(0);
  });
});

test.describe('goal conflicts by role', () => {
  test('a viewer reads the queue without deciding; a partner may not open it; only staff get the form', async ({
    page,
  }) => {
    await signInAs(page, 'viewer');
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förslag att granska');
    await expect(page.getByTestId('suggestion').first()).toBeVisible();
    await expect(page.getByText('Du kan läsa kön. Redaktörer avgör förslagen.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gör till målkonflikt' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Avfärda' })).toHaveCount(0);
    await page.goto('/malkonflikter/ny');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Du har inte behörighet att se den här sidan',
    );

    await page.context().clearCookies();
    await signInAs(page, 'partner');
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Du har inte behörighet att se den här sidan',
    );
    await expect(page.getByTestId('suggestion')).toHaveCount(0);
  });
});

test.describe('goal conflicts for editors', () => {
  test('from a suggestion to a followed-up conflict: create, analyse, trade off, follow up; dismiss another', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förslag att granska');
    const openBefore = Number(await page.getByTestId('queue-open').textContent());
    expect(openBefore).toBeGreaterThan(20);
    await expect(page.getByTestId('queue-decided')).toHaveText('0');

    // A Sami suggestion, explained in plain words.
    const sami = page.getByTestId('queue-group-sami_place').getByTestId('suggestion').first();
    const key = (await sami.getAttribute('data-key')) ?? '';
    expect(key).toMatch(/^sami-place:/);
    await expect(sami.getByTestId('suggestion-reason')).toHaveText(
      /^Insatsen når .+ där (samebyarna .+|.+ sameby) finns, (saknar samisk bedömning|har −\d i bedömningen av samiska förhållanden) och inget samråd finns registrerat\.$/,
    );
    const effortTitle = (await sami.locator('h3').textContent()) ?? '';
    // The other kinds are explained too.
    await expect(
      page.getByTestId('queue-group-effort_assessment').getByTestId('suggestion-reason').first(),
    ).toHaveText(/^Insatsen har [+−]\d på .+\.$/);
    await expect(
      page.getByTestId('queue-group-interaction_matrix').getByTestId('suggestion-reason').first(),
    ).toHaveText(/^Samspelsmatrisen: .+ (motverkar|omöjliggör) .+ \(−[23]\)\.$/);

    // A Sami suggestion offers to record the missing consultation for its effort.
    const consult = sami.getByRole('link', { name: 'Registrera samråd' });
    await expect(consult).toHaveAttribute('href', /^\/samrad\/ny\?insats=[0-9a-f-]{36}$/);
    const effortId = ((await consult.getAttribute('href')) ?? '').split('=')[1] ?? '';
    await expect(sami.getByRole('link', { name: effortTitle })).toHaveAttribute(
      'href',
      `/insatser/${effortId}`,
    );
    // Only Sami suggestions have it.
    await expect(
      page.getByTestId('queue-group-effort_assessment').getByRole('link', { name: 'Registrera samråd' }),
    ).toHaveCount(0);
    await consult.click();
    await expect(page).toHaveURL(`/samrad/ny?insats=${effortId}`);
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt samråd');
    await expect(page.getByLabel('Insats', { exact: true })).toHaveValue(effortId);
    await expect(page.getByLabel('Insats', { exact: true }).locator('option:checked')).toHaveText(
      effortTitle,
    );
    await page.goBack();
    await waitForData(page);

    // Take it: the form opens prefilled from the suggestion.
    await sami.getByRole('link', { name: 'Gör till målkonflikt' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/ny\?forslag=sami-place/);
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny målkonflikt');
    const title = `Samiska intressen och ${effortTitle}`;
    await expect(page.getByLabel('Titel')).toHaveValue(title);
    await expect(page.getByTestId('form-suggestion')).toContainText('Från granskningskön:');
    await expect(page.getByRole('checkbox', { name: 'Samiska förhållanden' })).toBeChecked();
    await expect(page.getByRole('radio', { name: /^(Måttlig|Hög) /, checked: true })).toHaveCount(1);
    await expect(page.getByLabel('Synliggjord genom')).toHaveValue('consultation');
    await expect(page.getByRole('group', { name: 'Kopplade insatser' })).toContainText(effortTitle);

    // A client-side check in Swedish at the field, then the conflict is registered.
    await page.getByLabel('Titel').fill('');
    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page.getByText('Skriv en titel.')).toBeVisible();
    await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Titel').fill(title);
    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await waitForData(page);
    const conflictUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('page-notice')).toHaveText('Målkonflikten är registrerad.');
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified']);
    await expect(page.getByRole('link', { name: effortTitle })).toHaveAttribute('href', /^\/insatser\//);

    // Analysed.
    let form = await openStepForm(page);
    // Only the statuses that may follow "identified" are offered.
    await expect(form.getByRole('radio')).toHaveCount(3);
    await expect(form.getByRole('radio', { name: /^Uppföljd/ })).toHaveCount(0);
    await form.getByRole('radio', { name: /^Analyserad/ }).check();
    await form.getByLabel('Vad gjordes?').fill('Genomgång av insatsens område med berörda samebyar.');
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(page.getByTestId('step-notice')).toContainText('”Analyserad”');
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed']);

    // Handled by a trade-off: without its justification the field says so.
    form = await openStepForm(page);
    await form.getByRole('radio', { name: /^Hanterad/ }).check();
    await form
      .getByLabel('Vad beslutades?')
      .fill('Insatsen genomförs men flyttlederna hålls fria under vårflytten.');
    await form.getByRole('radio', { name: /^Avvägning/ }).check();
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    const justification = form.getByLabel('Motivering av avvägningen');
    await expect(justification).toHaveAttribute('aria-invalid', 'true');
    await expect(form.locator('.field-error')).toHaveText(['En avvägning behöver en motivering.']);
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed']);
    await justification.fill('Bredbandet behövs i hela länet; påverkan begränsas till en kort byggperiod.');
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(page.getByTestId('step-notice')).toContainText('”Hanterad”');
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed', 'handled']);
    const handled = page.getByTestId('timeline-step').nth(2);
    await expect(handled).toContainText('Avvägning');
    await expect(handled).toContainText('påverkan begränsas till en kort byggperiod');

    // Followed up, with an indicator.
    form = await openStepForm(page);
    await expect(form.getByRole('radio', { name: /^Uppföljd/ })).toBeChecked();
    await form
      .getByLabel('Vad visade uppföljningen?')
      .fill('Inga störningar rapporterades under vårflytten.');
    const indicator = form.getByLabel('Indikator som följer upp hanteringen (valfritt)');
    await expect(indicator.locator('option')).not.toHaveCount(1);
    await indicator.selectOption({ index: 1 });
    const indicatorId = await indicator.inputValue();
    const indicatorName = (await indicator.locator('option:checked').textContent()) ?? '';
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(page.getByTestId('step-notice')).toContainText('”Uppföljd”');

    // The timeline in order, with the dates, who recorded the steps, and the indicator link.
    await expect
      .poll(() => timelineStatuses(page))
      .toEqual(['identified', 'analysed', 'handled', 'followed_up']);
    const steps = page.getByTestId('timeline-step');
    await expect(steps.locator('[data-testid="conflict-status"]')).toHaveText([
      'Identifierad',
      'Analyserad',
      'Hanterad',
      'Uppföljd',
    ]);
    await expect(steps.first()).toContainText('Registrerat av editor@demo.regionkraft.example');
    await expect(steps.nth(3).getByRole('link', { name: indicatorName })).toHaveAttribute(
      'href',
      `/uppfoljning?indikator=${encodeURIComponent(indicatorId)}`,
    );
    await expect(page.locator('.page-header [data-testid="conflict-status"]')).toHaveText('Uppföljd');
    // The history survives a reload (it is the server's, not the page's).
    await page.reload();
    await waitForData(page);
    await expect
      .poll(() => timelineStatuses(page))
      .toEqual(['identified', 'analysed', 'handled', 'followed_up']);

    // The suggestion has left the queue and counts as decided.
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.locator(`[data-key="${key}"]`)).toHaveCount(0);
    await expect(page.getByTestId('queue-decided')).toHaveText('1');
    await expect(page.getByTestId('queue-open')).toHaveText(String(openBefore - 1));

    // Dismiss another suggestion: a reason is required, then it is gone and listed as dismissed.
    const other = page.getByTestId('queue-group-effort_assessment').getByTestId('suggestion').first();
    const otherKey = (await other.getAttribute('data-key')) ?? '';
    await other.getByRole('button', { name: 'Avfärda' }).click();
    const reason = other.getByLabel('Skäl till att förslaget avfärdas');
    await expect(reason).toBeFocused();
    await other.getByRole('button', { name: 'Avfärda förslaget' }).click();
    await expect(other.getByText('Skriv skälet till att förslaget avfärdas.')).toBeVisible();
    await reason.fill('Bedömningarna gäller olika delar av insatsen och drar inte mot varandra.');
    await other.getByRole('button', { name: 'Avfärda förslaget' }).click();
    await expect(page.getByTestId('queue-notice')).toContainText('är avfärdat och borttaget ur kön');
    await expect(page.locator(`[data-key="${otherKey}"]`)).toHaveCount(0);
    await expect(page.getByTestId('queue-decided')).toHaveText('2');
    await expect(page.getByTestId('queue-dismissed')).toHaveText('1');
    const dismissed = page.getByTestId('dismissed-list');
    await expect(dismissed.locator('tbody tr')).toHaveCount(1);
    await expect(dismissed).toContainText('drar inte mot varandra');
    await expect(dismissed).toContainText('editor@demo.regionkraft.example');
    // Still gone after a reload.
    await page.reload();
    await waitForData(page);
    await expect(page.locator(`[data-key="${otherKey}"]`)).toHaveCount(0);
    await expect(page.getByTestId('queue-open')).toHaveText(String(openBefore - 2));

    // The new conflict is internal: the register shows it to staff only.
    await page.goto('/malkonflikter');
    await waitForData(page);
    await expect(page.getByTestId('conflict-list').getByRole('link', { name: title })).toBeVisible();
    expect(conflictUrl).toContain('/malkonflikter/');
  });

  test('a step saved by someone else meanwhile (412) is reported, and the page shows the latest', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Skogsbruk mot renskötselns vinterbete' }).click();
    await waitForData(page);
    const id = page.url().split('/').pop() ?? '';
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified']);
    const form = await openStepForm(page);
    await form.getByRole('radio', { name: /^Analyserad/ }).check();
    await form.getByLabel('Vad gjordes?').fill('Min analys.');

    // Someone else adds a step first.
    const current = await page.request.get(`/api/v1/goal-conflicts/${id}`);
    const etag = current.headers().etag ?? '';
    const other = await page.request.post(`/api/v1/goal-conflicts/${id}/steps`, {
      headers: { 'if-match': etag, origin: baseUrl() },
      data: { status: 'analysed', date: new Date().toISOString().slice(0, 10), text: 'Kollegans analys.' },
    });
    expect(other.status()).toBe(201);

    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(form.getByRole('alert')).toContainText('Någon annan har ändrat målkonflikten');
    // The latest history is shown, the typed text is kept, and saving again works.
    await expect(page.getByTestId('timeline-step')).toHaveCount(2);
    await expect(page.getByTestId('timeline-step').nth(1)).toContainText('Kollegans analys.');
    await expect(form.getByLabel('Vad gjordes?')).toHaveValue('Min analys.');
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(page.getByTestId('step-notice')).toContainText('”Analyserad”');
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed', 'analysed']);
  });

  test('the edit form changes the description and keeps the history', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Besöksnäringens tillväxt' }).click();
    await waitForData(page);
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    await expect(page).toHaveURL(/\/andra$/);
    await expect(page.getByLabel('Titel')).toHaveValue(DOCUMENTED[2] ?? '');
    // A bad web address is named at its field, in Swedish.
    await page.getByRole('button', { name: 'Lägg till källa' }).click();
    const sources = page.getByRole('group', { name: 'Källor' });
    const count = await sources.getByLabel(/^Källa \d+$/).count();
    await sources.getByLabel(`Källa ${count}`).fill('Egen anteckning');
    await sources.getByLabel('Webbadress (valfri)').last().fill('inte en adress');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(
      page.getByText('Skriv en fullständig webbadress som börjar med https:// eller http://.'),
    ).toBeVisible();
    await sources.getByLabel('Webbadress (valfri)').last().fill('');
    await page.getByRole('radio', { name: /^Hög/ }).check();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await waitForData(page);
    await expect(page.getByTestId('page-notice')).toHaveText('Ändringarna är sparade.');
    await expect(page.getByTestId('conflict-facts')).toContainText('Hög (3 av 3)');
    await expect(page.getByText('Egen anteckning')).toBeVisible();
    await expect.poll(() => timelineStatuses(page)).toEqual(['identified', 'analysed']);
    // The notice goes with the next action, and does not come back on a reload.
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await expect(page.getByTestId('page-notice')).toHaveCount(0);
    await page.reload();
    await waitForData(page);
    await expect(page.getByTestId('conflict-facts')).toContainText('Hög (3 av 3)');
    await expect(page.getByTestId('page-notice')).toHaveCount(0);
  });
});

test.describe('goal conflicts: concurrent edits', () => {
  test('the edit form reports a change saved meanwhile (412) and loads the latest version', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Skogsbruk mot renskötselns vinterbete' }).click();
    await waitForData(page);
    const id = page.url().split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    await expect(page.getByLabel('Titel')).toHaveValue(DOCUMENTED[3] ?? '');
    await page.getByLabel('Beskrivning').fill('Min ändring.');

    // Someone else changes the title and the description first.
    const current = await page.request.get(`/api/v1/goal-conflicts/${id}`);
    const changed = await page.request.patch(`/api/v1/goal-conflicts/${id}`, {
      headers: { 'if-match': current.headers().etag ?? '', origin: baseUrl() },
      data: {
        title: 'Skogsbruk mot renskötsel (ändrad av en kollega)',
        description: 'Kollegans beskrivning.',
      },
    });
    expect(changed.status()).toBe(200);

    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page.getByRole('alert')).toContainText('Någon annan har sparat målkonflikten');
    await expect(page.getByRole('alert')).toContainText('Dina ändringar finns kvar');
    await expect(page).toHaveURL(/\/andra$/);
    // The typed description is still there; the title the colleague changed (and the writer did
    // not) is taken over; the description both changed is listed with the saved value.
    await expect(page.getByLabel('Beskrivning')).toHaveValue('Min ändring.');
    await expect(page.getByLabel('Titel')).toHaveValue('Skogsbruk mot renskötsel (ändrad av en kollega)');
    await expect(page.getByTestId('stale-taken')).toContainText('Titel');
    const both = page.getByTestId('stale-both');
    await expect(both.getByRole('listitem')).toHaveCount(1);
    await expect(both).toContainText('Beskrivning – sparat: Kollegans beskrivning.');
    await expect(
      both.getByRole('button', { name: 'Använd det sparade värdet för Beskrivning' }),
    ).toBeVisible();
    await expectNoViolations(page);
    // Saving again, without typing anything, keeps both changes.
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Skogsbruk mot renskötsel (ändrad av en kollega)',
    );
    await expect(page.getByText('Min ändring.')).toBeVisible();
    const stored = await (await page.request.get(`/api/v1/goal-conflicts/${id}`)).json();
    expect(stored.title).toBe('Skogsbruk mot renskötsel (ändrad av en kollega)');
    expect(stored.description).toBe('Min ändring.');
  });
});

test.describe('goal conflicts: consultation warning', () => {
  test('linking an effort whose Sami consultation is still open to a handled conflict warns staff', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Vindkraft mot renskötsel' }).click();
    await waitForData(page);
    await expect(page.getByTestId('conflict-warnings')).toHaveCount(0);
    await page.getByRole('link', { name: 'Ändra' }).click();
    await waitForData(page);
    const efforts = page.getByRole('group', { name: 'Kopplade insatser' });
    await efforts.getByLabel('Insats att lägga till').selectOption({ label: 'Året-runt-turism i Bräcke' });
    await efforts.getByRole('button', { name: 'Lägg till insatsen' }).click();
    await expect(efforts.getByRole('listitem')).toContainText(['Året-runt-turism i Bräcke']);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await waitForData(page);
    const warning = page.getByTestId('conflict-warnings');
    await expect(warning).toContainText('medan samrådet');
    await expect(warning.getByRole('link')).toHaveAttribute('href', /^\/samrad\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('link', { name: 'Året-runt-turism i Bräcke', exact: true })).toHaveAttribute(
      'href',
      /^\/insatser\//,
    );

    // The public does not see the warning.
    await page.context().clearCookies();
    await page.reload();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vindkraft mot renskötsel');
    await expect(page.getByTestId('conflict-warnings')).toHaveCount(0);
  });
});

test.describe('goal conflicts: accessibility', () => {
  test('list, conflict page with the step form open, form and queue have no WCAG 2.1 AA violations (Swedish)', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/malkonflikter');
    await waitForData(page);
    await expectNoViolations(page);

    await signInAs(page, 'editor');
    await page.goto('/malkonflikter');
    await waitForData(page);
    await expectNoViolations(page);

    await page.getByRole('link', { name: 'Vindkraft mot renskötsel' }).click();
    await waitForData(page);
    const form = await openStepForm(page);
    await form.getByRole('radio', { name: /^Hanterad/ }).check();
    await form.getByRole('radio', { name: /^Avvägning/ }).check();
    await form.getByRole('button', { name: 'Lägg till steget' }).click();
    await expect(form.locator('.field-error').first()).toBeVisible();
    await expectNoViolations(page);

    await page.goto('/malkonflikter/ny');
    await waitForData(page);
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    await page.getByRole('button', { name: 'Lägg till beslut' }).click();
    await expectNoViolations(page);

    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await page.getByTestId('suggestion').first().getByRole('button', { name: 'Avfärda' }).click();
    await expectNoViolations(page);
  });

  test('in English: list, conflict page with the step form and queue', async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, 'editor');
    await gotoInLanguage(page, '/malkonflikter', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Goal conflicts');
    await expect(page.getByTestId('conflict-totals')).toContainText('goal conflicts');
    await expectNoViolations(page);

    // Titles written in Swedish are marked as Swedish in the English UI.
    await expect(
      page.getByTestId('conflict-list').locator('h3').filter({ hasText: 'Vindkraft mot renskötsel' }),
    ).toHaveAttribute('lang', 'sv');
    await page.getByRole('link', { name: 'Vindkraft mot renskötsel' }).click();
    await waitForData(page);
    await expect(page.locator('.timeline-text').first()).toHaveAttribute('lang', 'sv');
    await expect(page.locator('p.description').first()).toHaveAttribute('lang', 'sv');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await expect(page.getByRole('heading', { name: 'Add a step', level: 3 })).toBeFocused();
    await expect(page.getByTestId('step-form').getByRole('radio', { name: /^Followed up/ })).toBeVisible();
    await expectNoViolations(page);

    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suggestions to review');
    await expect(
      page.getByTestId('queue-group-effort_assessment').getByTestId('suggestion-reason').first(),
    ).toHaveText(/^The effort scores [+−]\d on .+\.$/);
    await expectNoViolations(page);
  });

  test('at 375 px the pages fit the screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, 'editor');
    for (const path of ['/malkonflikter', '/malkonflikter/forslag', '/malkonflikter/ny']) {
      await page.goto(path);
      await waitForData(page);
      await expectNoHorizontalScroll(page);
    }
    await page.goto('/malkonflikter');
    await waitForData(page);
    await page.getByRole('link', { name: 'Gruvbrytning i alunskiffer' }).click();
    await waitForData(page);
    await openStepForm(page);
    await expectNoHorizontalScroll(page);
  });
});

test.describe('goal conflicts: a suggestion that changed meanwhile', () => {
  test('a changed suggestion (409) is read again and the draft kept; a decided one is saved without it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, 'editor');
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    const first = page.getByTestId('queue-group-effort_assessment').getByTestId('suggestion').first();
    const key = (await first.getAttribute('data-key')) ?? '';
    expect(key).toMatch(/^assessment:[0-9a-f-]{36}$/);
    const effortId = key.split(':')[1] ?? '';
    await first.getByRole('link', { name: 'Gör till målkonflikt' }).click();
    await waitForData(page);
    const source = page.getByTestId('form-suggestion');
    await expect(source).toContainText('Från granskningskön:');
    const reasonBefore = (await source.textContent()) ?? '';
    await page.getByLabel('Titel').fill('Min titel från förslaget');

    // Meanwhile someone changes the scores that raised the suggestion (it stays in the queue).
    const effort = await page.request.get(`/api/v1/efforts/${effortId}`);
    const doc = (await effort.json()) as {
      assessments: Array<{ dimension: string; score: number; rationale: string | null }>;
    };
    const flip: Record<number, number> = { 2: 3, 3: 2, [-2]: -3, [-3]: -2 };
    const patched = await page.request.patch(`/api/v1/efforts/${effortId}`, {
      headers: { 'if-match': effort.headers().etag ?? '', origin: baseUrl() },
      data: {
        assessments: doc.assessments.map((a) => ({
          dimension: a.dimension,
          score: flip[a.score] ?? a.score,
          rationale: a.rationale ?? (a.score < 0 ? 'Motivering.' : null),
        })),
      },
    });
    expect(patched.status()).toBe(200);

    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page.getByRole('alert')).toContainText('Förslaget har ändrats sedan du öppnade det');
    await expect(page).toHaveURL(/\/malkonflikter\/ny\?forslag=/);
    // What was typed stays; the suggestion as it reads now is shown.
    await expect(page.getByLabel('Titel')).toHaveValue('Min titel från förslaget');
    await expect(source).not.toHaveText(reasonBefore);
    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min titel från förslaget');
    const queue = await (await page.request.get('/api/v1/goal-conflict-suggestions')).json();
    const keys = (queue.items as Array<{ key: string }>).map((s) => s.key);
    expect(keys).not.toContain(key);

    // Another suggestion, decided by someone else while the form is open.
    await page.goto('/malkonflikter/forslag');
    await waitForData(page);
    const next = page.getByTestId('queue-group-effort_assessment').getByTestId('suggestion').first();
    const nextKey = (await next.getAttribute('data-key')) ?? '';
    expect(nextKey).not.toBe(key);
    await next.getByRole('link', { name: 'Gör till målkonflikt' }).click();
    await waitForData(page);
    await expect(source).toBeVisible();
    await page.getByLabel('Titel').fill('Registrerad utan förslaget');
    const open = (queue.items as Array<{ key: string; inputsHash: string }>).find((s) => s.key === nextKey);
    const dismissed = await page.request.post('/api/v1/goal-conflict-suggestions/dismissals', {
      headers: { origin: baseUrl() },
      data: { key: nextKey, inputsHash: open?.inputsHash ?? '', reason: 'Avgjort av en kollega.' },
    });
    expect(dismissed.status()).toBeLessThan(300);
    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page.getByRole('alert')).toContainText('Förslaget finns inte längre i granskningskön');
    await expect(source).toHaveCount(0);
    await expect(page.getByLabel('Titel')).toHaveValue('Registrerad utan förslaget');
    await page.getByRole('button', { name: 'Registrera målkonflikten' }).click();
    await expect(page).toHaveURL(/\/malkonflikter\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrerad utan förslaget');
  });
});
