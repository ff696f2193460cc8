/**
 * A tablet used as a quiz station for the quizzes before and after the sessions: it holds
 * only the trainer's public key and seals every answer, saved before the next question shows.
 */
import { expect, test } from './fixtures';
import {
	done,
	downloadFrom,
	createTrainerKey,
	dumpDatabase,
	goOffline,
	openTeacher,
	PRE_QUIZ,
	setUpStation,
	takeAssessment,
	testTrainer
} from './station-helpers';

test('a station records two students sealed: nothing of them can be read on the tablet or in its file', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const trainer = await testTrainer();
	await goOffline(page, context, { trainer: true });
	await setUpStation(page, trainer, 'Grade 8B ក');
	await takeAssessment(page, { letter: 'K', month: 'July', siblings: '2' });
	await done(page);
	await page.goBack();
	await page.goForward();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	await expect(page.getByText(/^Question \d+ of/)).toHaveCount(0);
	await takeAssessment(page);
	await done(page);

	const dump = await dumpDatabase(page);
	expect(dump.sealed).toHaveLength(2);
	expect(dump.progress).toEqual([]);
	const text = JSON.stringify(dump);
	for (const secret of [
		'Grade 8B',
		'K-07-2',
		'before-the-sessions',
		'sure-job-offer',
		'"correct"',
		'"score"'
	]) {
		expect(text, secret).not.toContain(secret);
	}

	await openTeacher(page);
	await expect(page.getByText('Sealed attempts held here: 2.')).toBeVisible();
	const file = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Save the file for the trainer' })
	);
	const parsed = JSON.parse(file.text) as { keyId: string; attempts: unknown[] };
	expect(parsed.keyId).toBe(trainer.keyId);
	expect(parsed.attempts).toHaveLength(2);
	for (const secret of ['Grade 8B', 'K-07-2', 'before-the-sessions', 'sure-job-offer']) {
		expect(file.text, secret).not.toContain(secret);
	}
	expect(new URL(page.url()).pathname).toBe(PRE_QUIZ);

	// A curious student opens Results on the tablet and makes a key of their own: it opens
	// nothing sealed before.
	await createTrainerKey(page, 'maple river orange cloud');
	await expect(
		page.getByText(`2 attempts are sealed to another trainer key (${trainer.keyId})`)
	).toBeVisible();
	await expect(page.getByText('No quiz results match.')).toBeVisible();
	await expect(page.getByText('Grade 8B')).toHaveCount(0);
});
