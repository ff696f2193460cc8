/**
 * The story played by a class on the projector: the vote is counted right (Enter takes the
 * choice with most votes, whatever has focus; a tie is said, not settled), and every
 * passage, with all its choices and the controls, fits the screens schools have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appStarted, expect, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false });

const vote = (page: Page, number: number) =>
	page.getByRole('button', { name: `Vote for choice ${number}` });

test('Enter after tapping votes takes the choice with most votes, not one more vote', async ({
	page
}) => {
	await page.goto('/story/sophea/class');
	await appStarted(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'A visitor in the village' })
	).toBeVisible();
	await vote(page, 3).click();
	await vote(page, 2).click();
	await vote(page, 2).click();
	// The vote button just tapped still has the focus.
	await expect(vote(page, 2)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Sophea asks questions' })
	).toBeVisible();
});

test('a tie is said, with the numbers to choose from, and Enter waits for the teacher', async ({
	page
}) => {
	await page.goto('/story/sophea/class');
	await appStarted(page);
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toHaveText('A visitor in the village');
	await vote(page, 1).click();
	await vote(page, 3).click();
	await expect(page.getByRole('status')).toHaveText(
		'A tie: choices 1 and 3 have 1 votes each. Press the number of the choice to take.'
	);
	await expect(page.getByRole('button', { name: 'Go with the most votes (Enter)' })).toBeDisabled();
	await page.keyboard.press('Enter');
	await expect(vote(page, 3).locator('[data-votes]')).toHaveText('1');
	await expect(title).toHaveText('A visitor in the village');
	// One more vote breaks the tie.
	await vote(page, 3).click();
	await expect(page.getByRole('status')).not.toContainText('A tie');
	await page.keyboard.press('Enter');
	await expect(title).not.toHaveText('A visitor in the village');
});

function storyPassages(): { route: string; passages: { id: string; ending: boolean }[] }[] {
	return ['', '/km'].flatMap((lang) => {
		const dir = `build${lang}/data/stories`;
		return readdirSync(dir).map((file) => {
			const { story } = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as {
				story: { id: string; passages: { id: string; ending: unknown }[] };
			};
			return {
				route: `${lang}/story/${story.id}/class`,
				passages: story.passages.map((passage) => ({ id: passage.id, ending: !!passage.ending }))
			};
		});
	});
}

for (const { route, passages } of storyPassages()) {
	test(`every passage of ${route}, its choices and the controls fit 1280×800 and 1024×768`, async ({
		page
	}) => {
		await page.goto(route);
		await expect(page.locator('[data-passage]')).toBeVisible();
		const problems: string[] = [];
		for (const size of [
			{ width: 1280, height: 800 },
			{ width: 1024, height: 768 }
		]) {
			await page.setViewportSize(size);
			const found = await page.evaluate(async (passages) => {
				await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
				const settled = () => new Promise((done) => setTimeout(done, 0));
				const problems: string[] = [];
				for (const { id, ending } of passages) {
					location.hash = `#p=${id}`;
					await settled();
					await document.fonts.ready;
					await settled();
					const shown = document.querySelector('[data-passage]')?.getAttribute('data-passage');
					const boxes = [
						...document.querySelectorAll('.choices li, nav.controls, .passage h1')
					].map((box) => box.getBoundingClientRect());
					const lowest = Math.max(...boxes.map((box) => box.bottom));
					const text = document.querySelector<HTMLElement>('.passage')!;
					const hidden = text.scrollHeight - text.clientHeight;
					const font = parseFloat(getComputedStyle(text).fontSize);
					if (shown !== id) problems.push(`${id}: ${shown} shown`);
					if (lowest > innerHeight + 0.5) problems.push(`${id}: ${lowest - innerHeight}px below`);
					// A choice passage fits whole; an ending's long debrief may scroll, in large type.
					if (!ending && hidden > 1) problems.push(`${id}: ${hidden}px cut at the smallest type`);
					if (font < (ending ? 24 : 18)) problems.push(`${id}: text at ${font}px`);
					if (ending && hidden > 1 && text.tabIndex !== 0) problems.push(`${id}: cannot scroll`);
				}
				return problems;
			}, passages);
			problems.push(...found.map((problem) => `${size.width}×${size.height} ${problem}`));
		}
		expect(problems).toEqual([]);
	});
}
