import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Every page is prerendered; 404.html is the shell that static hosts (and the service
// worker, offline) serve for an unknown address, so the app can say "not found" in the
// reader's language.
const files = adapter({ fallback: '404.html', strict: true });

/** @type {import('@sveltejs/kit').Adapter} */
const staticFiles = {
	...files,
	async adapt(builder) {
		await files.adapt(builder);
		// The Khmer start page is `/km`; a static host answers `/km/` from km/index.html.
		builder.copy('build/km.html', 'build/km/index.html');
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: staticFiles,
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
