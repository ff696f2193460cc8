import { expect, test } from './fixtures';
import { prerenderedRoutes } from './routes';

test.use({ viewport: { width: 1024, height: 768 } });

const presentRoutes = () => prerenderedRoutes().filter((route) => /\/present\/[^/]+$/.test(route));

for (const route of presentRoutes()) {
	test(`every slide of ${route} fits a 1024×768 projector in large type`, async ({ page }) => {
		test.setTimeout(120_000);
		const problems: string[] = [];
		await page.goto(route);
		const count = Number(await page.getByRole('progressbar').getAttribute('aria-valuemax'));
		for (let number = 1; number <= count; number++) {
			await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(number));
			const slide = await page.locator('article.slide').evaluate((element) => {
				const body = element.querySelector('p, li') ?? element;
				return {
					overflow: element.scrollHeight - element.clientHeight,
					fontSize: parseFloat(getComputedStyle(body).fontSize)
				};
			});
			if (slide.overflow > 1) problems.push(`${route}#${number}: ${slide.overflow}px too tall`);
			if (slide.fontSize < 32) problems.push(`${route}#${number}: text at ${slide.fontSize}px`);
			await page.keyboard.press('ArrowRight');
		}
		expect(problems).toEqual([]);
	});
}
