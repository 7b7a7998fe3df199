import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { baseUrl, gotoInLanguage, signInAs, waitForData } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

test.describe('smart specialisation: the strength areas', () => {
  test('the overview shows the four areas with the six steps in words, in Swedish and English', async ({
    page,
  }) => {
    test.slow(); // two languages, axe twice
    await gotoInLanguage(page, '/smart-specialisering', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart specialisering');
    const cards = page.getByTestId('s3-area-card');
    await expect(cards).toHaveCount(4);
    await expect(cards.getByRole('heading', { level: 3 })).toHaveText([
      'Jord, skog och vatten',
      'Upplevelser',
      'Hållbar energi',
      'Digitala lösningar',
    ]);
    for (let i = 0; i < 4; i++) {
      const steps = cards.nth(i).getByTestId('step-statuses').locator('li');
      await expect(steps).toHaveCount(6);
      // Each status is said in words, not only by colour or sign.
      await expect(steps.first()).toContainText(/Analys: (Inte påbörjat|Pågår|Klart|Ska ses över)/);
    }
    // The documented vision is not marked; the three example visions are.
    await expect(cards.nth(0).getByText('Exempeltext')).toHaveCount(0);
    await expect(cards.nth(1).getByText('Exempeltext')).toBeVisible();
    await expect(cards.nth(0)).toContainText('Senaste självskattning');
    await expectNoViolations(page);

    await gotoInLanguage(page, '/smart-specialisering', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart specialisation');
    await expect(page.getByTestId('s3-area-card').first().getByTestId('step-statuses')).toContainText(
      'Monitoring and evaluation',
    );
    await expectNoViolations(page);
  });

  test('an area page shows its vision, sub-areas, action plan, money and logic to anyone', async ({
    page,
  }) => {
    test.slow(); // axe twice on a long page
    await gotoInLanguage(page, '/smart-specialisering/digitala-losningar', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digitala lösningar');
    for (const heading of [
      'Vision 2030',
      'Delområden, behov och utmaningar',
      'Handlingsplan',
      'Insatser och pengar',
      'Interventionslogik',
    ]) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByTestId('vision')).toContainText('Exempeltext');
    await expect(page.getByTestId('sub-areas').locator('li')).not.toHaveCount(0);
    const initiative = page.getByTestId('initiative').first();
    await expect(initiative.getByRole('link').first()).toHaveAttribute(
      'href',
      /\/smart-specialisering\/initiativ\//,
    );
    await expect(initiative.locator('a[href^="/insatser/"]').first()).toBeVisible();
    // Money in Swedish kronor, with totals.
    await expect(page.getByTestId('money-decided')).toHaveText(/^[\d\u00a0 ]+\u00a0kr$/);
    await expect(page.getByTestId('logic-item').first()).toContainText('Mäts med');
    // Nothing to edit for an anonymous reader.
    await expect(page.getByRole('button', { name: 'Ändra visionen' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nytt initiativ' })).toHaveCount(0);
    await expectNoViolations(page);

    await gotoInLanguage(page, '/smart-specialisering/digitala-losningar', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Efforts and money' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('an editor takes input from a meeting into the action plan as an initiative linked to an effort', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    const inputs = await (await page.request.get('/api/v1/s3/inputs?status=new')).json();
    const input = inputs.items[0];
    expect(input, 'the demo data has new input').toBeTruthy();

    await page.goto(`/smart-specialisering/initiativ/ny?fran=${input.id}`);
    await waitForData(page);
    await expect(page.getByTestId('source-inputs')).toContainText(input.text);
    await expect(page.getByLabel('Styrkeområde')).toHaveValue(input.strengthArea.slug);
    await expect(page.getByLabel('Titel')).not.toHaveValue('');
    await expectNoViolations(page);

    const title = `Initiativ från inspel ${Date.now()}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Status').selectOption({ label: 'Pågående' });
    await page.getByLabel('Ansvarig').fill('Region Jämtland Härjedalen');
    await page.getByLabel('Sök insats').fill('solenergi');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const hit = page.getByTestId('effort-hits').locator('li').first();
    const effortTitle = (await hit.locator('span').first().textContent()) ?? '';
    await hit.getByRole('button').click();
    await expect(page.getByTestId('chosen-efforts')).toContainText(effortTitle);
    await page.getByRole('button', { name: 'Spara initiativet' }).click();

    await expect(page).toHaveURL(/\/smart-specialisering\/initiativ\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('status')).toHaveText('Initiativet är sparat.');
    await expect(
      page.getByTestId('initiative-efforts').getByRole('link', { name: effortTitle }),
    ).toBeVisible();
    const source = page.getByTestId('initiative-source');
    await expect(source).toContainText(input.text);
    await expect(source).toContainText('Med i handlingsplanen');
    await expect(source.getByRole('link')).toHaveAttribute(
      'href',
      `/smart-specialisering/moten/${input.meetingId}`,
    );
    const after = await (await page.request.get(`/api/v1/s3/inputs/${input.id}`)).json();
    expect(after.status).toBe('in_action_plan');

    // The area's action plan shows it with its effort and source input.
    await page.goto(`/smart-specialisering/${input.strengthArea.slug}`);
    await waitForData(page);
    const card = page.getByTestId('initiative').filter({ hasText: title });
    await expect(card.getByRole('link', { name: effortTitle })).toBeVisible();
    await expect(card).toContainText(input.text);
  });

  test('an editor edits the vision; when someone else saved first (412) the text is kept', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    await page.goto('/smart-specialisering/upplevelser');
    await waitForData(page);
    await page.getByRole('button', { name: 'Ändra visionen' }).click();
    // The editor's forms are accessible too.
    await page.getByRole('button', { name: 'Lägg till resultat' }).click();
    await expect(page.getByTestId('logic-form')).toBeVisible();
    await expectNoViolations(page);
    await page.getByTestId('logic-form').getByRole('button', { name: 'Avbryt' }).click();
    const mine = `Min vision för upplevelser ${Date.now()}`;
    await page.getByLabel('Visionen på svenska').fill(mine);

    // Someone else saves the vision meanwhile.
    const area = await page.request.get('/api/v1/s3/areas/upplevelser');
    const etag = area.headers().etag ?? '"0"';
    const other = await page.request.patch('/api/v1/s3/areas/upplevelser/vision', {
      data: { textSv: 'Någon annans vision.' },
      headers: { 'if-match': etag, origin: baseUrl() },
    });
    expect(other.status()).toBe(200);

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan har sparat');
    await expect(page.getByTestId('stale-vision')).toContainText('Någon annans vision.');
    await expect(page.getByLabel('Visionen på svenska')).toHaveValue(mine);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(page.getByTestId('vision')).toContainText(mine);
    await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  });
  test('editor forms keep focus in place; the Swedish vision is required', async ({ page }) => {
    test.slow();
    await signInAs(page, 'editor');
    await page.goto('/smart-specialisering/jord-skog-och-vatten');
    await waitForData(page);
    const vision = page.locator('#vision');
    await vision.getByRole('button', { name: 'Ändra visionen' }).click();
    await expect(vision.getByLabel('Visionen på svenska')).toBeFocused();
    await vision.getByLabel('Visionen på svenska').fill('  ');
    await vision.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(vision.getByText('Skriv visionen på svenska.')).toBeVisible();
    await expect(vision.getByLabel('Visionen på svenska')).toBeFocused();
    await vision.getByRole('button', { name: 'Avbryt' }).click();
    await expect(vision.getByRole('button', { name: 'Ändra visionen' })).toBeFocused();
    // Nothing was saved.
    await expect(page.getByTestId('vision')).not.toHaveText('');

    // A new sub-area: the name has its own message; focus returns to the opening button.
    const subs = page.locator('#delomraden');
    await subs.getByRole('button', { name: 'Lägg till delområde' }).click();
    const form = subs.getByTestId('sub-area-form');
    await expect(form.getByLabel('Namn')).toBeFocused();
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(form.getByText('Skriv ett namn på delområdet.')).toBeVisible();
    await expect(form.getByLabel('Namn')).toBeFocused();
    const name = `Fokusdel ${Date.now()}`;
    await form.getByLabel('Namn').fill(name);
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(subs.getByRole('heading', { level: 3, name })).toBeVisible();
    await expect(subs.getByRole('button', { name: 'Lägg till delområde' })).toBeFocused();
    await subs.getByRole('button', { name: `Ändra ${name}` }).click();
    await expect(subs.getByTestId('sub-area-form').getByLabel('Namn')).toBeFocused();
    await subs.getByTestId('sub-area-form').getByRole('button', { name: 'Avbryt' }).click();
    await expect(subs.getByRole('button', { name: `Ändra ${name}` })).toBeFocused();

    // The logic form: numbers and years are checked in the browser with their own messages.
    const logic = page.locator('#interventionslogik');
    await logic.getByRole('button', { name: 'Lägg till resultat' }).click();
    const logicForm = page.getByTestId('logic-form');
    await expect(logicForm.getByLabel('Typ')).toBeFocused();
    await logicForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(logicForm.getByText('Beskriv det förväntade utfallet eller resultatet.')).toBeVisible();
    await expect(logicForm.getByLabel('Förväntat utfall eller resultat')).toBeFocused();
    await logicForm.getByLabel('Förväntat utfall eller resultat').fill(`Fokusresultat ${Date.now()}`);
    await logicForm.getByLabel('Målvärde').fill('abc');
    await logicForm.getByLabel('Målår').fill('20x6');
    await logicForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(logicForm.getByText('Skriv ett tal, t.ex. 1 500,5.')).toBeVisible();
    await expect(logicForm.getByText('Skriv ett årtal 2000–2100.')).toBeVisible();
    await expect(logicForm.getByLabel('Målvärde')).toBeFocused();
    await logicForm.getByLabel('Målvärde').fill('1 500,5');
    await logicForm.getByLabel('Målår').fill('1800');
    await logicForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(logicForm.getByText('Skriv ett årtal 2000–2100.')).toBeVisible();
    await expect(logicForm.getByText('Skriv ett tal')).toHaveCount(0);
    await expect(logicForm.getByLabel('Målår')).toBeFocused();
    await logicForm.getByRole('button', { name: 'Avbryt' }).click();
    await expect(logic.getByRole('button', { name: 'Lägg till resultat' })).toBeFocused();
  });

  test('a sub-area and a logic item saved by someone else meanwhile: shown, and only my changes are saved', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    const slug = 'jord-skog-och-vatten';
    const areaId = (await (await page.request.get(`/api/v1/s3/areas/${slug}`)).json()).id as string;
    const headers = (version: number) => ({ 'if-match': `"${version}"`, origin: baseUrl() });
    const name = `Konfliktdel ${Date.now()}`;
    const created = await page.request.post(`/api/v1/s3/areas/${slug}/sub-areas`, {
      data: { name },
      headers: { origin: baseUrl() },
    });
    expect(created.status()).toBe(201);
    const subArea = await created.json();
    expect(areaId).toBeTruthy();

    await page.goto(`/smart-specialisering/${slug}`);
    await waitForData(page);
    const subs = page.locator('#delomraden');
    await subs.getByRole('button', { name: `Ändra ${name}` }).click();
    const form = subs.getByTestId('sub-area-form');
    await form.getByLabel('Behov och utmaningar').fill('Mina behov');
    const theirs = await page.request.patch(`/api/v1/s3/sub-areas/${subArea.id}`, {
      data: { description: 'Kollegans beskrivning' },
      headers: headers(subArea.version),
    });
    expect(theirs.status()).toBe(200);
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(form.getByTestId('form-error')).toContainText('Någon annan har sparat');
    await expect(form.getByTestId('form-error')).toBeFocused();
    await expect(form.getByTestId('stale-sub-area')).toContainText('Kollegans beskrivning');
    await expect(form.getByLabel('Behov och utmaningar')).toHaveValue('Mina behov');
    await expectNoViolations(page);
    // The next save changes only the needs: the colleague's description stays.
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    const card = subs.locator('li.card').filter({ hasText: name });
    await expect(card).toContainText('Mina behov');
    await expect(card).toContainText('Kollegans beskrivning');
    await expect(subs.getByRole('button', { name: `Ändra ${name}` })).toBeFocused();

    // Removing something changed meanwhile: its own message, and the next try works.
    const now = (await (await page.request.get(`/api/v1/s3/areas/${slug}`)).json()).subAreas.find(
      (s: { id: string }) => s.id === subArea.id,
    );
    const again = await page.request.patch(`/api/v1/s3/sub-areas/${subArea.id}`, {
      data: { description: 'Kollegans andra beskrivning' },
      headers: headers(now.version),
    });
    expect(again.status()).toBe(200);
    await card.getByRole('button', { name: `Ta bort ${name}` }).click();
    await expect(card.getByRole('button', { name: 'Ta bort', exact: true })).toBeFocused();
    await card.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect(card.getByTestId('remove-error')).toHaveText(
      'Delområdet har ändrats av någon annan – se ändringen och försök igen.',
    );
    await expect(card).toContainText('Kollegans andra beskrivning');
    await card.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect(subs.getByRole('heading', { level: 3, name })).toHaveCount(0);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Delområden, behov och utmaningar' }),
    ).toBeFocused();

    // A logic item: the colleague's version is shown; only the target value I changed is sent.
    const description = `Konfliktresultat ${Date.now()}`;
    const item = await (
      await page.request.post(`/api/v1/s3/areas/${slug}/logic-items`, {
        data: { kind: 'result', description, targetValue: 100, targetYear: 2030 },
        headers: { origin: baseUrl() },
      })
    ).json();
    await page.reload();
    await waitForData(page);
    const logic = page.locator('#interventionslogik');
    await logic.getByRole('button', { name: `Ändra ${description}` }).click();
    const logicForm = page.getByTestId('logic-form');
    await logicForm.getByLabel('Målvärde').fill('250,5');
    const theirItem = await page.request.patch(`/api/v1/s3/logic-items/${item.id}`, {
      data: { description: `${description} (kollega)`, targetYear: 2032 },
      headers: headers(item.version),
    });
    expect(theirItem.status()).toBe(200);
    await logicForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(logicForm.getByTestId('stale-logic')).toContainText(`${description} (kollega)`);
    await expect(logicForm.getByTestId('stale-logic')).toContainText('2032');
    await expect(logicForm.getByLabel('Målvärde')).toHaveValue('250,5');
    await logicForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(logicForm).toHaveCount(0);
    const saved = (await (await page.request.get(`/api/v1/s3/areas/${slug}`)).json()).logic.results.find(
      (x: { id: string }) => x.id === item.id,
    );
    expect(saved).toMatchObject({
      description: `${description} (kollega)`,
      targetValue: 250.5,
      targetYear: 2032,
    });
  });

  test('an initiative saved by someone else meanwhile: their values beside mine; only my fields are saved', async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, 'editor');
    const area = await (await page.request.get('/api/v1/s3/areas/jord-skog-och-vatten')).json();
    const created = await page.request.post('/api/v1/s3/initiatives', {
      data: { strengthAreaId: area.id, title: `Konfliktinitiativ ${Date.now()}`, period: '2026' },
      headers: { origin: baseUrl() },
    });
    expect(created.status()).toBe(201);
    const initiative = await created.json();

    await page.goto(`/smart-specialisering/initiativ/${initiative.id}/andra`);
    await waitForData(page);
    await expect(page.getByText('Sök på hela ord, t.ex. solenergi.')).toBeVisible();
    await page.getByLabel('Ansvarig').fill('Mitt ansvar');
    await page.getByLabel('Sök insats').fill('solenergi');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const hits = page.getByTestId('effort-hits').locator('li');
    const first = (await hits.nth(0).locator('span').first().textContent()) ?? '';
    const second = (await hits.nth(1).locator('span').first().textContent()) ?? '';
    await hits.nth(0).getByRole('button').click();
    const chosenTitle = page.getByRole('heading', { level: 3, name: 'Valda insatser' });
    await expect(chosenTitle).toBeFocused();
    await hits.nth(1).getByRole('button').click();
    await expect(chosenTitle).toBeFocused();
    // Removing the first moves focus to the next remove button; removing the last to the heading.
    await page.getByRole('button', { name: `Ta bort ${first}` }).click();
    await expect(page.getByRole('button', { name: `Ta bort ${second}` })).toBeFocused();
    await page.getByRole('button', { name: `Ta bort ${second}` }).click();
    await expect(chosenTitle).toBeFocused();
    await hits.nth(0).getByRole('button').click();

    const theirs = await page.request.patch(`/api/v1/s3/initiatives/${initiative.id}`, {
      data: { period: 'Kollegans period', status: 'ongoing' },
      headers: { 'if-match': `"${initiative.version}"`, origin: baseUrl() },
    });
    expect(theirs.status()).toBe(200);
    await page.getByRole('button', { name: 'Spara initiativet' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Någon annan har sparat initiativet');
    const panel = page.getByTestId('stale-initiative');
    await expect(panel).toContainText('Kollegans period');
    await expect(panel).toContainText('Pågående');
    await expect(page.getByLabel('Ansvarig')).toHaveValue('Mitt ansvar');
    await expect(page.getByLabel('Period')).toHaveValue('2026');
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Spara initiativet' }).click();
    await expect(page).toHaveURL(new RegExp(`/smart-specialisering/initiativ/${initiative.id}$`));
    await expect(page.getByRole('status')).toHaveText('Initiativet är sparat.');
    const after = await (await page.request.get(`/api/v1/s3/initiatives/${initiative.id}`)).json();
    expect(after.responsible).toBe('Mitt ansvar');
    expect(after.period).toBe('Kollegans period');
    expect(after.status).toBe('ongoing');
    expect(after.efforts.map((e: { title: string }) => e.title)).toEqual([first]);
  });
});
