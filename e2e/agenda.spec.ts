import { expect, test } from '@playwright/test';
import { waitForData } from './helpers';

test('Agenda 2030 shows the 17 goals with expandable targets', async ({ page }) => {
  await page.goto('/agenda-2030');
  await waitForData(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda 2030');
  const goals = page.getByTestId('sdg-list').locator('> li');
  await expect(goals).toHaveCount(17);
  await expect(goals.first()).toContainText('Ingen fattigdom');

  // Goal 1 has Swedish target texts.
  await goals.first().locator('summary').click();
  await expect(goals.first()).toContainText('Senast 2030 avskaffa den extrema fattigdomen');

  // Goal 2's targets lack Swedish text: the English text is shown, marked lang="en", with a note.
  const goal2 = goals.nth(1);
  await goal2.locator('summary').click();
  const fallback = goal2.locator('.target-list [lang="en"]').first();
  await expect(fallback).toBeVisible();
  await expect(goal2.locator('.target-list')).toContainText('(engelsk text – svensk översättning saknas)');

  await page.getByRole('button', { name: 'Visa alla delmål' }).click();
  await expect(page.locator('.sdg-goal details[open]')).toHaveCount(17);
  await expect(page.locator('.target-list > li')).toHaveCount(169);
});
