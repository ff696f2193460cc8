import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browser';

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: true,
	fullyParallel: true,
	retries: 0,
	workers: 3,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
		serviceWorkers: 'allow',
		trace: 'retain-on-failure'
	}
});
