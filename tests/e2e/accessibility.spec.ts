import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { inBatches, prerenderedRoutes } from './routes';

// Every kind of page in both languages, and the not-found page, a few pages per test. Lessons,
// their projector and presenter pages, and quizzes are each one template filled with content:
// two of each are checked (the lesson with the local contacts block and the longest one; the
// quiz before the sessions with its paper sheets, and one practice quiz), which keeps this
// file within the test budget. The content itself is checked by `content:check`, and every
// slide and story step is walked by the projector, tablet and story specs.
const sampled = /^(?:\/km)?\/(?:lessons|present|quiz)\/([^/]+)/;
const samples = new Set([
	'getting-help',
	'what-is-trafficking',
	'before-the-sessions',
	'documents-practice'
]);
const checked = prerenderedRoutes().filter((route) => {
	const id = sampled.exec(route)?.[1];
	return id === undefined || samples.has(id);
});

for (const routes of inBatches([...checked, '/no-such-page', '/km/no-such-page'], 8)) {
	test(`axe finds no violations on ${routes[0]} … ${routes.at(-1)}`, async ({ page }) => {
		// Generous: axe is slow on long pages, and slower on a busy machine.
		test.setTimeout(routes.length * 30_000);
		const found: string[] = [];
		for (const route of routes) {
			await page.goto(route);
			await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).analyze();
			for (const violation of violations) {
				const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
				found.push(`${route}: ${violation.id} (${violation.impact}) at ${targets}`);
			}
		}
		expect(found).toEqual([]);
	});
}
