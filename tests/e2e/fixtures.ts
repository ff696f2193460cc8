/**
 * Every browser test runs against the real build (`build/`), served by the project's own
 * static server, one per worker, on a free port.
 */
import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from '../../scripts/serve';

export const test = base.extend<object, { server: RunningServer }>({
	server: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await startServer({ dir: 'build' });
			await use(server);
			await server.close();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	}
});

export { expect } from '@playwright/test';
