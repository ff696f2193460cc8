/**
 * The class label field of a quiz station: one limit, 40 user-perceived characters, so a
 * Khmer label of 40 clusters (many more code units) is kept whole; a text-direction override
 * is refused with a message, and nothing is saved.
 */
import { expect, test } from './fixtures';
import { installKey, openTeacher, PRE_QUIZ, testTrainer } from './station-helpers';

test('the class field keeps a Khmer label of 40 clusters whole and refuses a text-direction override', async ({
	page
}) => {
	await installKey(page, await testTrainer());
	await page.goto(PRE_QUIZ);
	await openTeacher(page);
	const field = page.getByLabel('Class', { exact: true });
	const save = page.getByRole('button', { name: 'Save', exact: true });

	await field.fill('Grade\u202e 8B');
	await expect(page.getByRole('alert')).toContainText('hidden character');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await save.click();
	await expect(page.getByText('Saved.')).toHaveCount(0);

	await field.fill('x'.repeat(41));
	await expect(page.getByRole('alert')).toContainText('at most 40 letters');

	const khmer = 'ថ្នាក់'.repeat(20); // 40 clusters, 120 UTF-16 code units
	await field.fill(khmer);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await save.click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await expect(field).toHaveValue(khmer);
	await page.getByRole('button', { name: 'Back to Start' }).click();
	await expect(page.getByText(`Class: ${khmer}`, { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
});
