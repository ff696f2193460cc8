/**
 * The trainer's PIN, in Chromium with its real IndexedDB and WebCrypto: set on first use,
 * asked for every time after, locked out after five wrong tries for longer and longer (a
 * reload does not help), and the only thing stored is its hash.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { dumpDatabase, goOffline, PIN, setPin, takeQuiz, unlock } from './results-helpers';

test('a PIN set on first use is asked for from then on, and only its hash is stored', async ({
	page,
	context
}) => {
	await goOffline(page, context);
	await takeQuiz(page, 'Grade 8B');
	await page.goto('/results');
	// Before any PIN, nothing of the results shows: only the form to choose one.
	await expect(page.getByRole('heading', { name: 'Choose a PIN for the results' })).toBeVisible();
	await page.getByLabel('New PIN (6 to 12 digits)').fill('123456');
	await page.getByLabel('The same PIN again').fill('123456');
	await page.getByRole('button', { name: 'Set the PIN' }).click();
	await expect(page.getByTestId('pin-message')).toHaveText(
		'That PIN is too easy to guess: avoid one digit repeated or digits in a row.'
	);
	await setPin(page);
	await expect(page.getByTestId('attempt-count')).toHaveText('1 attempt matches the filters.');

	const { trainer } = await dumpDatabase(page);
	const pin = (trainer as { key: string }[]).find((record) => record.key === 'pin');
	expect(pin).toEqual({
		key: 'pin',
		algorithm: 'PBKDF2-SHA-256',
		hash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
		salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
		iterations: 600_000
	});
	expect(JSON.stringify(await dumpDatabase(page))).not.toContain(PIN);

	// A reload, or "Lock", and the results are behind the PIN again.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Enter the PIN' })).toBeVisible();
	await expect(page.getByTestId('attempt-count')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Export|Delete|CSV/ })).toHaveCount(0);
	await unlock(page);
	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(page.getByRole('heading', { name: 'Enter the PIN' })).toBeVisible();
	await expect(page.getByText('Grade 8B')).toHaveCount(0);
});

test('wrong PINs shut the form for longer each time, and a reload does not reopen it', async ({
	page,
	context
}) => {
	await page.clock.install();
	await goOffline(page, context);
	await setPin(page);
	await page.getByRole('button', { name: 'Lock' }).click();

	const tryPin = async (pin: string) => {
		await page.getByLabel('PIN', { exact: true }).fill(pin);
		await page.getByRole('button', { name: 'Open', exact: true }).click();
		await expect(page.getByTestId('results')).toHaveAttribute('data-busy', 'false');
	};
	for (let tries = 4; tries >= 1; tries--) {
		await tryPin('000001');
		await expect(page.getByTestId('pin-message')).toHaveText(
			`Wrong PIN. ${tries} ${tries === 1 ? 'try' : 'tries'} left before a wait.`
		);
	}
	await tryPin('000001');
	await expect(page.getByTestId('lockout')).toHaveText('Too many wrong PINs. Try again in 30 s.');
	await expect(page.getByLabel('PIN', { exact: true })).toBeDisabled();

	await page.reload();
	await expect(page.getByTestId('lockout')).toContainText('Try again in');
	await expect(page.getByLabel('PIN', { exact: true })).toBeDisabled();

	await page.clock.fastForward('00:31');
	await expect(page.getByLabel('PIN', { exact: true })).toBeEnabled();
	await tryPin('000001');
	await expect(page.getByTestId('lockout')).toHaveText(
		'Too many wrong PINs. Try again in 1 min 0 s.'
	);
	await page.clock.fastForward('01:01');
	await unlock(page);
	// The right PIN clears the count: the next wrong one is the first again.
	await page.getByRole('button', { name: 'Lock' }).click();
	await tryPin('000001');
	await expect(page.getByTestId('pin-message')).toHaveText(
		'Wrong PIN. 4 tries left before a wait.'
	);
});

test('the PIN can be changed with the current one; a forgotten PIN means erasing, after the export', async ({
	page,
	context
}) => {
	await goOffline(page, context);
	await takeQuiz(page, 'Grade 8B');
	await setPin(page);
	await page.getByLabel('Current PIN').fill('000001');
	await page.getByLabel('New PIN (6 to 12 digits)').fill('917364');
	await page.getByLabel('The same PIN again').fill('917364');
	await page.getByRole('button', { name: 'Change the PIN' }).click();
	await expect(page.getByTestId('pin-message')).toHaveText(
		'Wrong PIN. 4 tries left before a wait.'
	);
	await page.getByLabel('Current PIN').fill(PIN);
	await page.getByLabel('New PIN (6 to 12 digits)').fill('917364');
	await page.getByLabel('The same PIN again').fill('917364');
	await page.getByRole('button', { name: 'Change the PIN' }).click();
	await expect(page.getByTestId('pin-message')).toHaveText('The PIN is changed.');
	await page.reload();
	await unlock(page, '917364');

	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByRole('button', { name: 'Forgot the PIN?' }).click();
	// Whoever opens this, a curious student too, cannot erase before the results are saved.
	const erase = page.getByRole('button', { name: 'Erase all results' });
	await page.getByLabel('Type “erase” to confirm').fill('erase');
	await expect(erase).toBeDisabled();
	await expect(
		page.getByText('The export must be saved before anything can be erased.')
	).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Save the export (JSON)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^smc-results-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
	const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(saved.attempts).toHaveLength(1);
	await expect(erase).toBeEnabled();
	await erase.click();
	await expect(page.getByRole('heading', { name: 'Choose a PIN for the results' })).toBeVisible();
	const dump = await dumpDatabase(page);
	expect(dump).toMatchObject({ attempts: [], answers: [], sessions: [], trainer: [] });
	expect(dump.device).toHaveLength(1);
});
