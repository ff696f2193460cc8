/**
 * The JavaScript of the story player beside inkjs 2.4.0's runtime, the usual engine for
 * branching stories on the web (31.3 KB gzip, its minified runtime alone). The story page's
 * scripts are split into the app framework every page loads (Svelte, SvelteKit, i18n, the
 * service worker's registration: the scripts the settings page, which also runs in the browser,
 * loads too) and the story's own chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './types';

const INKJS_RUNTIME_GZIP = 31.3 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (dir: string, path: string) =>
	gzipSync(readFileSync(join(dir, path)), { level: 9 }).length;

async function scriptsOf(context: BenchContext, path: string): Promise<Set<string>> {
	const browserContext = await context.browser.newContext({ serviceWorkers: 'block' });
	const page = await browserContext.newPage();
	const scripts = new Set<string>();
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') {
			scripts.add(new URL(response.url()).pathname);
		}
	});
	await page.goto(context.url + path, { waitUntil: 'networkidle' });
	await browserContext.close();
	return scripts;
}

export const storyWeight: BenchSection = {
	title: 'The story player beside inkjs',
	async run(context) {
		const framework = await scriptsOf(context, '/settings');
		const rows = [
			'| page | all JavaScript (gzip) | app framework (shared with every page that runs scripts) | the story’s own code | own code ÷ inkjs runtime (31.3 KB) |',
			'|---|---|---|---|---|'
		];
		for (const path of ['/story/sophea', '/story/sophea/class', '/story/sophea/map']) {
			const scripts = [...(await scriptsOf(context, path))];
			const sum = (list: string[]) =>
				list.reduce((total, script) => total + gzipped(context.dir, script), 0);
			const own = sum(scripts.filter((script) => !framework.has(script)));
			const shared = sum(scripts.filter((script) => framework.has(script)));
			rows.push(
				`| \`${path}\` | ${kb(own + shared)} | ${kb(shared)} | ${kb(own)} | ${Math.round((own / INKJS_RUNTIME_GZIP) * 100)} % |`
			);
		}
		return [
			rows.join('\n'),
			'',
			'inkjs 2.4.0 would add its 31.3 KB runtime on top of the framework and a player of its own; the story’s own code here is the engine, the player and the page.'
		].join('\n');
	}
};
