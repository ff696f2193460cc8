import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; 404.html is the shell that static hosts (and the
		// service worker, offline) serve for an unknown address, so the app can say
		// "not found" in the reader's language.
		adapter: adapter({ fallback: '404.html', strict: true }),
		// The PWA plugin registers the worker itself, so it can offer the update prompt.
		serviceWorker: { register: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../scripts/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
