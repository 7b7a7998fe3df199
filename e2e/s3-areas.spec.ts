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
    await expect(source).toContainText('Tagits in i handlingsplanen');
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
});
