import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { prerenderedRoutes } from './routes';

test('axe finds no violations on any prerendered page', async ({ page }) => {
	test.setTimeout(300_000);
	const failures: string[] = [];
	for (const route of prerenderedRoutes()) {
		await page.goto(route);
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
		const { violations } = await new AxeBuilder({ page }).analyze();
		for (const violation of violations) {
			const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
			failures.push(`${route}: ${violation.id} (${violation.impact}) at ${targets}`);
		}
	}
	expect(failures).toEqual([]);
});

test('the not-found page has no violations either', async ({ page }) => {
	await page.goto('/km/no-such-page');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((violation) => violation.id)).toEqual([]);
});
