import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { gotoInLanguage, signInAs, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const UPCOMING_DEMO = 'Öppet möte: handlingsplanen för hållbar energi 2027';

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

/** The date `days` after today in Sweden, as a date field takes it (YYYY-MM-DD). */
const daysAhead = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

async function addOrganisation(page: Page, search: string, name: string) {
  await page.getByLabel('Sök organisation i aktörsregistret').fill(search);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('button', { name: `Lägg till ${name}` }).click();
  await expect(page.getByTestId('chosen-organisations')).toContainText(name);
}

test.describe('Smart specialisering: möten', () => {
  test('an editor records a meeting with organisations, counts and input; status and initiative link', async ({
    page,
  }) => {
    test.slow(); // many steps and three axe runs
    await signInAs(page, 'editor');
    await page.goto('/smart-specialisering/moten');
    await waitForData(page);
    await page.getByRole('link', { name: 'Nytt möte' }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt möte');

    // Everything wrong at once is named at the fields.
    await page.getByLabel('Börjar').fill('14:00');
    await page.getByLabel('Slutar').fill('13:00');
    await page.getByRole('button', { name: 'Spara mötet' }).click();
    const formError = page.getByTestId('form-error');
    await expect(formError).toContainText('Sluttiden ska vara efter starttiden.');
    await expect(formError).toContainText('Välj kommun.');
    await expect(formError).toContainText('Välj minst ett styrkeområde.');

    await page.getByLabel('Rubrik', { exact: true }).fill('Workshop om vätgas i Östersund');
    await page.getByLabel('Datum').fill(daysAhead(20));
    await page.getByLabel('Slutar').fill('16:30');
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Workshop' });
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Östersund' });
    await page.getByLabel('Lokal eller adress').fill('Campus Östersund');
    await page.getByRole('checkbox', { name: 'Hållbar energi' }).check();
    await addOrganisation(page, 'Mittuniv', 'Mittuniversitetet');
    await addOrganisation(page, 'Fjällturism', 'Fjällturism i Åre AB (exempel)');
    await expect(page.getByTestId('chosen-organisations')).toContainText('Universitet/högskola, regional');
    await page.getByLabel('Kvinnor').fill('6');
    await page.getByLabel('Män').fill('4');
    await page.getByLabel('Annat eller ej angett').fill('1');
    await page.getByLabel('Dagordning', { exact: true }).fill('Inledning\nGrupparbete om vätgas');
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Spara mötet' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop om vätgas i Östersund');
    await expect(page.getByRole('status').filter({ hasText: 'Mötet är sparat.' })).toBeVisible();
    const facts = page.getByTestId('meeting-facts');
    await expect(facts).toContainText('14.00–16.30');
    await expect(facts).toContainText('Östersund, Campus Östersund');
    await expect(facts).toContainText('Workshop');
    await expect(page.getByTestId('helix-academia')).toContainText('Akademi (1)');
    await expect(page.getByTestId('helix-academia')).toContainText('Mittuniversitetet');
    await expect(page.getByTestId('helix-business')).toContainText('Näringsliv (1)');
    await expect(page.getByTestId('helix-business')).toContainText(
      'Fjällturism i Åre AB (exempel) – Företag, lokal',
    );
    const counts = page.getByTestId('meeting-counts');
    await expect(counts.locator('tbody td')).toHaveText(['6', '4', '1', '11']);

    // Input raised at the meeting.
    const add = page.getByTestId('add-input');
    await add.getByLabel('Typ av inspel').selectOption({ label: 'Förslag' });
    await add.getByLabel('Organisation som lyfte det').selectOption({ label: 'Mittuniversitetet' });
    await add.getByLabel('Inspel', { exact: true }).fill('Ett testcenter för vätgas vid campus.');
    await add.getByRole('button', { name: 'Lägg till' }).click();
    const item = page.getByTestId('input-item').filter({ hasText: 'Ett testcenter för vätgas vid campus.' });
    await expect(item.getByTestId('input-status')).toHaveText('Nytt');
    await expect(item).toContainText('Från: Mittuniversitetet');

    // "Make it an initiative" goes to the initiative form with the area and the input.
    const href = await item.getByTestId('to-initiative').getAttribute('href');
    expect(href).toMatch(/^\/smart-specialisering\/initiativ\/ny\?omrade=hallbar-energi&fran=[0-9a-f-]{36}$/);

    // "Not taken" needs a reason.
    await item.getByRole('button', { name: /Ändra status/ }).click();
    const statusForm = item.getByTestId('status-form');
    await statusForm.getByLabel('Status').selectOption({ label: 'Inte taget vidare' });
    await statusForm.getByRole('button', { name: 'Spara status' }).click();
    await expect(statusForm).toContainText('Skriv varför inspelet inte tas vidare.');
    await expectNoViolations(page);
    await statusForm.getByLabel('Motivering').fill('Finns redan i ett nationellt program.');
    await statusForm.getByRole('button', { name: 'Spara status' }).click();
    await expect(item.getByTestId('input-status')).toHaveText('Inte taget vidare');
    await expect(item).toContainText('Motivering: Finns redan i ett nationellt program.');
    await expectNoViolations(page);
  });

  test('anyone registers for an upcoming meeting on its page and on the strength-area page; the editor sees it', async ({
    page,
    browser,
  }) => {
    test.slow();
    await page.goto('/smart-specialisering/moten');
    await waitForData(page);
    await page.getByTestId('upcoming-meetings').getByRole('link', { name: UPCOMING_DEMO }).click();
    await waitForData(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(UPCOMING_DEMO);
    const form = page.getByTestId('registration-form');
    await form.getByLabel('Namn').fill('Karin Testsson');
    await form.getByLabel('E-post').fill('karin@');
    await form.getByRole('button', { name: 'Anmäl mig' }).click();
    const alert = form.getByRole('alert');
    await expect(alert).toContainText('Skriv en e-postadress');
    await expect(alert).toContainText('Du behöver godkänna hur uppgifterna hanteras');
    await expect(form).toContainText('raderas 30 dagar efter mötet');
    await form.getByLabel('E-post').fill('karin@example.se');
    await form.getByLabel('Organisation (frivilligt)').fill('Testbolaget AB');
    await form.getByRole('checkbox', { name: 'Jag har läst och godkänner hur uppgifterna hanteras' }).check();
    await expectNoViolations(page);
    await form.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(page.getByTestId('registration-success')).toHaveText(
      `Tack! Du är anmäld till ${UPCOMING_DEMO}.`,
    );

    // The strength area's page has the section with the same form.
    await page.goto('/smart-specialisering/hallbar-energi');
    await waitForData(page);
    const section = page.getByTestId('upcoming-meetings-section');
    await expect(section.getByRole('heading', { name: 'Kommande möten' })).toBeVisible();
    await section.getByText(`Anmäl dig till ${UPCOMING_DEMO}`).click();
    const areaForm = section.getByTestId('registration-form');
    await areaForm.getByLabel('Namn').fill('Olle Områdessson');
    await areaForm.getByLabel('E-post').fill('olle@example.se');
    await areaForm
      .getByRole('checkbox', { name: 'Jag har läst och godkänner hur uppgifterna hanteras' })
      .check();
    await areaForm.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(section.getByTestId('registration-success')).toBeVisible();

    const editor = await browser.newPage();
    await signInAs(editor, 'editor');
    await editor.goto(page.url().replace(/\/smart-specialisering\/.*$/, '/smart-specialisering/moten'));
    await waitForData(editor);
    await editor.getByTestId('upcoming-meetings').getByRole('link', { name: UPCOMING_DEMO }).click();
    await waitForData(editor);
    const registrations = editor.getByTestId('registrations');
    await expect(registrations).toContainText('Karin Testsson');
    await expect(registrations).toContainText('karin@example.se');
    await expect(registrations).toContainText('Olle Områdessson');
    await editor.close();
  });

  test('a meeting saved by someone else meanwhile (412) keeps the editor’s changes', async ({ page }) => {
    await signInAs(page, 'editor');
    const list = await (await page.request.get('/api/v1/s3/meetings?area=hallbar-energi&when=past')).json();
    const meeting = list.items.find((m: { title: string }) => m.title === 'Studiebesök: solpark och vätgas');
    await page.goto(`/smart-specialisering/moten/${meeting.id}/andra`);
    await waitForData(page);
    await page.getByLabel('Rubrik', { exact: true }).fill('Studiebesök: solpark, vätgas och lagring');
    // A colleague saves the notes in between.
    const colleague = await page.request.patch(`/api/v1/s3/meetings/${meeting.id}`, {
      data: { notes: 'Kollegans anteckning.' },
      headers: { 'if-match': '"1"' },
    });
    expect(colleague.status()).toBe(200);
    await page.getByRole('button', { name: 'Spara mötet' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan har sparat mötet');
    await expect(page.getByLabel('Rubrik', { exact: true })).toHaveValue(
      'Studiebesök: solpark, vätgas och lagring',
    );
    await page.getByRole('button', { name: 'Spara mötet' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Studiebesök: solpark, vätgas och lagring',
    );
  });

  test('a status or a deletion refused because a colleague saved (412) reloads and can be done again', async ({
    page,
  }) => {
    await signInAs(page, 'editor');
    const list = await (await page.request.get('/api/v1/s3/meetings?area=jord-skog-och-vatten')).json();
    const meeting = list.items.find(
      (m: { title: string }) => m.title === 'Workshop: mat från jord och vatten',
    );
    await page.goto(`/smart-specialisering/moten/${meeting.id}`);
    await waitForData(page);
    const text = 'Gemensam logistik för småskaliga livsmedelsproducenter.';
    const item = page.getByTestId('input-item').filter({ hasText: text });
    await expect(item.getByTestId('input-status')).toHaveText('Nytt');
    await item.getByRole('button', { name: /Ändra status/ }).click();
    const statusForm = item.getByTestId('status-form');
    await statusForm.getByLabel('Status').selectOption({ label: 'Inte taget vidare' });
    await statusForm.getByLabel('Motivering').fill('Ingår i ett annat projekt.');
    // A colleague marks the input as considered in between.
    const full = await (await page.request.get(`/api/v1/s3/meetings/${meeting.id}`)).json();
    const input = full.inputs.find((i: { text: string }) => i.text === text);
    const colleague = await page.request.patch(`/api/v1/s3/inputs/${input.id}`, {
      data: { status: 'considered' },
      headers: { 'if-match': `"${input.version}"` },
    });
    expect(colleague.status()).toBe(200);
    await statusForm.getByRole('button', { name: 'Spara status' }).click();
    await expect(statusForm.getByRole('alert')).toContainText('sparade statusen ”Övervägt”');
    await expect(item.getByTestId('input-status')).toHaveText('Övervägt');
    await expect(statusForm.getByLabel('Status')).toHaveValue('not_taken');
    await expect(statusForm.getByLabel('Motivering')).toHaveValue('Ingår i ett annat projekt.');
    await statusForm.getByRole('button', { name: 'Spara status' }).click();
    await expect(item.getByTestId('input-status')).toHaveText('Inte taget vidare');
    await expect(statusForm).toHaveCount(0);

    // Deleting after a colleague's change says so and shows the meeting as it now is.
    const current = await page.request.get(`/api/v1/s3/meetings/${meeting.id}`);
    const changed = await page.request.patch(`/api/v1/s3/meetings/${meeting.id}`, {
      data: { notes: 'Kollegans anteckning om logistik.' },
      headers: { 'if-match': current.headers().etag ?? '' },
    });
    expect(changed.status()).toBe(200);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Ta bort mötet' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Någon annan har ändrat mötet. Sidan är uppdaterad; försök igen om du fortfarande vill ta bort det.',
    );
    await expect(page.getByText('Kollegans anteckning om logistik.')).toBeVisible();

    // Agenda and notes of a published meeting are public: the form says so.
    await page.goto(`/smart-specialisering/moten/${meeting.id}/andra`);
    await waitForData(page);
    await expect(page.getByLabel('Anteckningar', { exact: true })).toHaveAccessibleDescription(
      'Visas för alla när mötet är publicerat.',
    );
    await expect(page.getByLabel('Dagordning', { exact: true })).toHaveAccessibleDescription(
      'Visas för alla när mötet är publicerat.',
    );
  });

  test('a partner is told that no input from its own organisation is recorded', async ({ page }) => {
    await signInAs(page, 'partner');
    const list = await (await page.request.get('/api/v1/s3/meetings?area=jord-skog-och-vatten')).json();
    const meeting = list.items.find(
      (m: { title: string }) => m.title === 'Workshop: mat från jord och vatten',
    );
    await page.goto(`/smart-specialisering/moten/${meeting.id}`);
    await waitForData(page);
    await expect(page.getByText('Inget inspel från din organisation är registrerat.')).toBeVisible();
    await expect(page.getByText('Inga inspel är registrerade.')).toHaveCount(0);
  });

  test('the consent checkbox is described by the consent text, and by the error when it is missing', async ({
    page,
  }) => {
    await page.goto('/smart-specialisering/moten');
    await waitForData(page);
    await page.getByTestId('upcoming-meetings').getByRole('link', { name: UPCOMING_DEMO }).click();
    await waitForData(page);
    const form = page.getByTestId('registration-form');
    const box = form.getByRole('checkbox', { name: 'Jag har läst och godkänner hur uppgifterna hanteras' });
    await expect(box).toHaveAccessibleDescription(/raderas 30 dagar efter mötet/);
    await expect(box).toHaveAttribute('aria-invalid', 'false');
    await form.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(/Du behöver godkänna hur uppgifterna hanteras/);
  });

  test('the calendar downloads for an area and for a meeting', async ({ page }) => {
    await page.goto('/smart-specialisering/moten?omrade=hallbar-energi');
    await waitForData(page);
    const link = page.getByTestId('calendar-link');
    await expect(link).toHaveText('Ladda ner kalender för Hållbar energi (.ics)');
    await expect(page.getByTestId('past-meetings')).toContainText('Dialogmöte: Hållbar energi');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('moten-smart-specialisering-hallbar-energi.ics');
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.replace(/\r\n /g, '')).toContain(`SUMMARY:${UPCOMING_DEMO}`);
    expect(text).toContain('BEGIN:VEVENT');
    // The 2020 dialogue meeting on Hållbar energi is in the area but more than a year old: the
    // calendar holds upcoming meetings and those of the last 365 days only.
    expect(text.replace(/\r\n /g, '')).not.toContain('SUMMARY:Dialogmöte: Hållbar energi');

    await page.getByTestId('upcoming-meetings').getByRole('link', { name: UPCOMING_DEMO }).click();
    await waitForData(page);
    const [one] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('meeting-calendar').click(),
    ]);
    const event = await readFile((await one.path()) as string, 'utf8');
    expect(event.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // 13:00 Swedish winter time is 12:00 UTC.
    expect(event).toMatch(/DTSTART:20270217T120000Z/);
  });

  for (const lang of ['sv', 'en'] as const) {
    test(`the meeting list and a meeting have no accessibility violations (${lang})`, async ({ page }) => {
      test.slow();
      await gotoInLanguage(page, '/smart-specialisering/moten', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'sv' ? 'Möten' : 'Meetings');
      await expect(page.getByTestId('past-meetings')).toContainText('Dialogmöte: Jord, skog och vatten');
      await expectNoViolations(page);
      await page.getByTestId('upcoming-meetings').getByRole('link', { name: UPCOMING_DEMO }).click();
      await waitForData(page);
      await expect(page.getByTestId('registration-form')).toBeVisible();
      await expectNoViolations(page);
      await page.setViewportSize({ width: 375, height: 800 });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(375);
    });
  }
});
