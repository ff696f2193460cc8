/**
 * Fits a tablet: on every quiz screen and every story step, what the student does next is on
 * screen without scrolling, on a tablet held upright (800×1280) and sideways (1280×800), in
 * English and in Khmer. Each screen is measured in both positions, turned in place; at a
 * story's ending, what must be in view is where to get help: its heading and the hotline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import {
	availableChoices,
	begin,
	choose,
	current,
	toHash,
	type Playthrough
} from '../../src/lib/story/engine';
import type { Story } from '../../src/lib/story/types';
import { appStarted, expect, test } from './fixtures';
import { PRE_QUIZ, setUpStation, testTrainer } from './station-helpers';

const upright = { width: 800, height: 1280 };
const sideways = { width: 1280, height: 800 };

test.use({ viewport: upright, hasTouch: true });

/** Expects every one of `locators` wholly inside the window, upright and then sideways. */
async function expectInView(page: Page, what: string, ...locators: Locator[]): Promise<void> {
	for (const size of [upright, sideways]) {
		await page.setViewportSize(size);
		for (const locator of locators) {
			const box = await locator.boundingBox();
			const where = `${what} at ${size.width}×${size.height}`;
			expect(box, where).not.toBeNull();
			expect(box!.y, where).toBeGreaterThanOrEqual(0);
			expect(box!.y + box!.height, where).toBeLessThanOrEqual(size.height);
			expect(box!.x + box!.width, where).toBeLessThanOrEqual(size.width);
		}
	}
	await page.setViewportSize(upright);
}

const languages = ['', '/km'] as const;

for (const prefix of languages) {
	test(`every screen of the pre-quiz and of a practice quiz keeps its main action in view, upright and sideways (${prefix || '/'})`, async ({
		page
	}) => {
		test.setTimeout(150_000);
		await setUpStation(page, await testTrainer());
		await page.goto(`${prefix}${PRE_QUIZ}`);
		const station = page.locator('.station');
		await expect(station).toHaveAttribute('data-screen', 'start');
		await page.locator('.go').tap();

		await expect(station).toHaveAttribute('data-screen', 'pairing');
		const pairingActions = page.locator('.actions button');
		await expectInView(page, 'the pairing code’s buttons', ...(await pairingActions.all()));
		await pairingActions.last().tap(); // skip the code

		// Assessment: each answer is saved and the next question follows, no feedback.
		const seen = new Set<string>();
		for (let number = 1; ; number++) {
			await expect(station).toHaveAttribute('data-screen', 'question');
			const shown = (await page.locator('.progress').textContent())!.trim();
			const type = (await page.locator('[data-type]').getAttribute('data-type'))!;
			seen.add(type);
			if (type === 'order') await page.locator('.confirm').tap();
			else await page.locator('.options label').first().tap();
			await expectInView(page, `question ${number}’s “Save my answer”`, page.locator('.check'));
			await page.locator('.check').tap();
			await expect(page.getByText(shown, { exact: true })).toHaveCount(0);
			if ((await station.getAttribute('data-screen')) === 'thanks') break;
		}
		// Every kind of question was measured.
		expect([...seen].sort()).toEqual(['multiple', 'order', 'single', 'true-false']);
		await expectInView(page, 'the thank-you’s “Done”', page.locator('.done'));
		await page.locator('.done').tap();

		// Practice: the feedback, and "Next" under it.
		await page.goto(`${prefix}/quiz/documents-practice`);
		await page.locator('.go').tap();
		for (let number = 1; ; number++) {
			await expect(station).toHaveAttribute('data-screen', 'question');
			await page.locator('.options label').first().tap();
			await page.locator('.check').tap();
			await expect(station).toHaveAttribute('data-screen', 'feedback');
			const next = page.locator('.next');
			await expectInView(page, `practice question ${number}’s feedback and “Next”`, next);
			await next.tap();
			await expect(station).not.toHaveAttribute('data-screen', 'feedback');
			if ((await station.getAttribute('data-screen')) === 'end') break;
		}
		await expectInView(page, 'the score’s “Done”', page.locator('.done'));
		await expect(page.getByTestId('score')).toBeVisible();
	});
}

/**
 * For each passage, a way to reach it that shows all the choices it can ever show: found by
 * playing every way through the story, as the engine allows.
 */
function fullestWays(story: Story): Map<string, string> {
	const best = new Map<string, { choices: number; hash: string }>();
	const seen = new Set<string>();
	const queue: Playthrough[] = [begin(story)];
	for (let play = queue.shift(); play; play = queue.shift()) {
		const step = current(play);
		const key = `${step.passage} ${JSON.stringify(step.state)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const choices = availableChoices(story, play);
		const known = best.get(step.passage);
		if (!known || choices.length > known.choices) {
			best.set(step.passage, { choices: choices.length, hash: toHash(story, play) });
		}
		for (const index of choices) queue.push(choose(story, play, index));
	}
	return new Map([...best].map(([passage, { hash }]) => [passage, hash]));
}

// Every story the build holds, as its pages receive it.
const storyIds = readdirSync('build/data/stories').map((file) => file.replace(/\.json$/, ''));

for (const prefix of languages) {
	for (const storyId of storyIds) {
		test(`every step of “${storyId}” keeps its choices, or at an ending where to get help, in view (${prefix || '/'})`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			const file = `build/${prefix ? 'km/' : ''}data/stories/${storyId}.json`;
			const { story } = JSON.parse(readFileSync(file, 'utf8')) as { story: Story };
			const ways = fullestWays(story);
			expect(ways.size).toBe(story.passages.length);

			await page.goto(`${prefix}/story/${storyId}`);
			await appStarted(page);
			const passage = page.locator('article.passage');
			for (const [id, hash] of ways) {
				await page.evaluate((hash) => (location.hash = hash), hash);
				await expect(passage).toHaveAttribute('data-passage', id);
				await page.evaluate(() => scrollTo(0, 0));
				if (story.passages.find((candidate) => candidate.id === id)!.ending) {
					// Where help starts: its heading and the hotline (local contacts follow below).
					const help = passage.locator('.help');
					await expectInView(
						page,
						`where to get help at “${id}”`,
						help.getByRole('heading').first(),
						help.locator('.number').first()
					);
				} else {
					const choices = await passage.locator('.choices button').all();
					await expectInView(page, `the choices of “${id}”`, ...choices);
				}
			}
		});
	}
}
