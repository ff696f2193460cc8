import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { inBatches, prerenderedRoutes } from './routes';

// Every prerendered page, and the not-found page in both languages, a few pages per test.
for (const routes of inBatches([...prerenderedRoutes(), '/no-such-page', '/km/no-such-page'], 8)) {
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
