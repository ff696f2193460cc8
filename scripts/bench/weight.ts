/**
 * How much a first visit costs: the JavaScript each kind of page loads (gzip), the whole
 * offline precache (gzip, both languages and the fonts), and the font files.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BenchContext, BenchSection } from './types';

/** One page of each kind, in the order a teacher meets them. */
export const routeTypes: { name: string; path: string }[] = [
	{ name: 'start page', path: '/' },
	{ name: 'session list', path: '/sessions' },
	{ name: 'lesson', path: '/lessons/six-key-messages' },
	{ name: 'projector', path: '/present/six-key-messages' },
	{ name: 'presenter window', path: '/present/six-key-messages/presenter' },
	{ name: 'story player', path: '/story/sophea' },
	{ name: 'story, class mode', path: '/story/sophea/class' },
	{ name: 'story map', path: '/story/sophea/map' },
	{ name: 'pocket cards', path: '/cards' },
	{ name: 'card printing', path: '/cards/print' },
	{ name: 'settings', path: '/settings' },
	{ name: 'quiz list', path: '/quiz' },
	{ name: 'quiz station', path: '/quiz/before-the-sessions' },
	{ name: 'session log', path: '/sessions/log' },
	{ name: 'results (trainer)', path: '/results' },
	{ name: 'Khmer session list', path: '/km/sessions' }
];

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function fileFor(dir: string, url: string): string {
	const path = url === '/' || url === '' ? 'index.html' : url.replace(/^\//, '');
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
		try {
			if (statSync(join(dir, candidate)).isFile()) return join(dir, candidate);
		} catch {
			// try the next form of the address
		}
	}
	throw new Error(`The precache lists ${url}, which the build does not hold`);
}

async function pageScripts(context: BenchContext, path: string): Promise<number> {
	const browserContext = await context.browser.newContext({ serviceWorkers: 'block' });
	const page = await browserContext.newPage();
	const scripts = new Set<string>();
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script')
			scripts.add(new URL(response.url()).pathname);
	});
	await page.goto(context.url + path, { waitUntil: 'networkidle' });
	await browserContext.close();
	return [...scripts].reduce((sum, script) => sum + gzipped(join(context.dir, script)), 0);
}

export const weight: BenchSection = {
	title: 'Weight of a first visit',
	async run(context) {
		const rows = ['| page | JavaScript loaded (gzip) |', '|---|---|'];
		for (const route of routeTypes) {
			rows.push(
				`| ${route.name} (\`${route.path}\`) | ${kb(await pageScripts(context, route.path))} |`
			);
		}

		const worker = readFileSync(join(context.dir, 'service-worker.js'), 'utf8');
		const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
		const files = urls.map((url) => fileFor(context.dir, url));
		const precache = files.reduce(
			(sum, file) => sum + gzipped(file),
			gzipped(join(context.dir, 'service-worker.js'))
		);
		const fonts = files.filter((file) => file.endsWith('.woff2'));
		const fontBytes = fonts.reduce((sum, file) => sum + statSync(file).size, 0);
		const pages = urls.filter((url) => !/\.[a-z0-9]+$/.test(url) || url.endsWith('.html')).length;

		return [
			rows.join('\n'),
			'',
			`Whole offline precache: **${kb(precache)} gzip** in ${urls.length} files ` +
				`(${pages} pages in two languages, their data, scripts, styles, icons, fonts, and the service worker).`,
			'',
			`Fonts: ${fonts.length} files (Noto Sans Khmer, regular and bold), ${kb(fontBytes)} (woff2, already compressed).`
		].join('\n');
	}
};
