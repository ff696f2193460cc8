/**
 * How much a first visit costs, served with gzip as a real host serves it: the JavaScript
 * each kind of page loads before its first paint and in all, the strings file it fetches,
 * the whole offline precache (gzip, both languages and the fonts), and how long a first
 * visit over a weak connection (1.6 Mbps, 150 ms) takes to make the device ready offline:
 * from the address being opened until the worker is active with every file saved.
 * Also written to bench-results/weight.json.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPrecacheLists } from '../precache-list';
import { SLOW_LINK, startServer } from '../serve';
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
	{ name: 'Khmer quiz station', path: '/km/quiz/before-the-sessions' },
	{ name: 'session log', path: '/sessions/log' },
	{ name: 'results (trainer)', path: '/results' },
	{ name: 'Khmer session list', path: '/km/sessions' },
	{ name: 'Khmer projector', path: '/km/present/six-key-messages' }
];

/** The first visits whose time to offline-ready is measured. */
const firstVisits = ['/', '/km/quiz/before-the-sessions'];

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export interface PageWeight {
	name: string;
	path: string;
	/** JavaScript (as sent, gzip) the page asked for before its first contentful paint. */
	jsBeforePaintKB: number;
	/** All the JavaScript the page loaded, once settled. */
	jsTotalKB: number;
	/** The interface strings file (gzip), fetched by pages that run scripts. */
	stringsKB: number;
	scripts: number;
}

/**
 * Runs in the page once it has settled: what it loaded, as the browser counted it. (No
 * named helpers inside: tsx would wrap them in a function the page does not have.)
 */
function loaded() {
	const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
	const found = { beforePaint: 0, total: 0, scripts: 0, strings: 0 };
	for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
		if (entry.name.endsWith('/data/messages.json')) found.strings += entry.encodedBodySize;
		if (!new URL(entry.name).pathname.endsWith('.js')) continue;
		found.scripts += 1;
		found.total += entry.encodedBodySize;
		if (entry.startTime < paint) found.beforePaint += entry.encodedBodySize;
	}
	return found;
}

async function pageWeight(
	context: BenchContext,
	route: { name: string; path: string }
): Promise<PageWeight> {
	const browserContext = await context.browser.newContext({ serviceWorkers: 'block' });
	const page = await browserContext.newPage();
	await page.goto(context.url + route.path, { waitUntil: 'networkidle' });
	const found = await page.evaluate(loaded);
	await browserContext.close();
	return {
		...route,
		jsBeforePaintKB: kb(found.beforePaint),
		jsTotalKB: kb(found.total),
		stringsKB: kb(found.strings),
		scripts: found.scripts
	};
}

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

/**
 * A first visit through a slow link: milliseconds from opening `path` until the service
 * worker is active and its cache holds every file of the precache.
 */
async function offlineReadyMs(context: BenchContext, path: string, total: number): Promise<number> {
	const slow = await startServer({ dir: context.dir, throttle: SLOW_LINK });
	const browserContext = await context.browser.newContext({ serviceWorkers: 'allow' });
	const page = await browserContext.newPage();
	try {
		const started = performance.now();
		await page.goto(slow.url + path, { waitUntil: 'commit' });
		for (;;) {
			const ready = await page.evaluate(async (expected) => {
				const registration = await navigator.serviceWorker.getRegistration();
				if (!registration?.active) return false;
				const name = (await caches.keys()).find((cache) => cache.startsWith('workbox-precache'));
				return name ? (await (await caches.open(name)).keys()).length >= expected : false;
			}, total);
			if (ready) break;
			if (performance.now() - started > 180_000)
				throw new Error(`${path}: not offline-ready in 3 minutes`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return Math.round(performance.now() - started);
	} finally {
		await browserContext.close();
		await slow.close();
	}
}

export interface WeightReport {
	measuredOn: string;
	server: string;
	pages: PageWeight[];
	precache: { entries: number; gzipKB: number; fontsKB: number; byKind: Record<string, number> };
	/** The results area's own files, saved only where it has been opened. */
	resultsArea: { entries: number; gzipKB: number };
	offlineReadyMs: number;
	offlineReady: { path: string; ms: number; link: string }[];
}

function kindOf(url: string): string {
	if (url.endsWith('.woff2')) return 'fonts';
	if (url.endsWith('.js')) return 'scripts';
	if (url.endsWith('.css')) return 'styles';
	if (url.endsWith('__data.json')) return 'page data';
	if (url.endsWith('.json')) return 'strings and content files';
	if (url.endsWith('.html')) return 'the shell (404.html)';
	return 'icons and manifest';
}

export const weight: BenchSection = {
	title: 'Weight of a first visit',
	async run(context) {
		const pages: PageWeight[] = [];
		for (const route of routeTypes) pages.push(await pageWeight(context, route));

		const lists = readPrecacheLists(context.dir);
		const urls = lists.everyDevice;
		const resultsAreaBytes = lists.resultsArea
			.map((url) => gzipped(fileFor(context.dir, url)))
			.reduce((sum, bytes) => sum + bytes, 0);
		const files = urls.map((url) => fileFor(context.dir, url));
		const bytesByKind = new Map<string, number>();
		files.forEach((file, index) => {
			const kind = kindOf(urls[index]!);
			bytesByKind.set(kind, (bytesByKind.get(kind) ?? 0) + gzipped(file));
		});
		bytesByKind.set('the service worker', gzipped(join(context.dir, 'service-worker.js')));
		const byKind = Object.fromEntries([...bytesByKind].map(([kind, bytes]) => [kind, kb(bytes)]));
		const precache = [...bytesByKind.values()].reduce((sum, bytes) => sum + bytes, 0);
		const fonts = files.filter((file) => file.endsWith('.woff2'));
		const fontBytes = fonts.reduce((sum, file) => sum + statSync(file).size, 0);

		const offlineReady = [];
		for (const path of firstVisits) {
			offlineReady.push({
				path,
				ms: await offlineReadyMs(context, path, urls.length),
				link: `${SLOW_LINK.kbps / 1000} Mbps, ${SLOW_LINK.rttMs} ms`
			});
		}

		const report: WeightReport = {
			measuredOn: new Date().toISOString().slice(0, 10),
			server: 'scripts/serve.ts: gzip (level 6) for text, as static hosts do',
			pages,
			precache: { entries: urls.length, gzipKB: kb(precache), fontsKB: kb(fontBytes), byKind },
			resultsArea: { entries: lists.resultsArea.length, gzipKB: kb(resultsAreaBytes) },
			offlineReadyMs: Math.max(...offlineReady.map((visit) => visit.ms)),
			offlineReady
		};
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/weight.json', JSON.stringify(report, null, '\t') + '\n');

		const rows = [
			'| page | JavaScript before first paint (gzip) | JavaScript in all (gzip) | strings file (gzip) |',
			'|---|---|---|---|',
			...pages.map(
				(page) =>
					`| ${page.name} (\`${page.path}\`) | ${page.jsBeforePaintKB.toFixed(1)} KB | ${page.jsTotalKB.toFixed(1)} KB | ${page.stringsKB ? `${page.stringsKB.toFixed(1)} KB` : '–'} |`
			)
		];
		return [
			rows.join('\n'),
			'',
			`Whole offline precache: **${report.precache.gzipKB.toFixed(1)} KB gzip** in ${urls.length} files, both languages: ` +
				Object.entries(byKind)
					.map(([kind, size]) => `${kind} ${size.toFixed(1)} KB`)
					.join(', ') +
				'.',
			'',
			`Not in it: the results area's own code (the trainer's alone), **${report.resultsArea.gzipKB.toFixed(1)} KB gzip** in ${report.resultsArea.entries} files, saved on a device once the results area has been opened there.`,
			'',
			`Fonts: ${fonts.length} files (Noto Sans Khmer, regular and bold), ${kb(fontBytes).toFixed(1)} KB (woff2, already compressed).`,
			'',
			`Offline-ready after a first visit over ${offlineReady[0]!.link} (served through a throttling server, until the worker is active with every file saved): ` +
				offlineReady
					.map((visit) => `\`${visit.path}\` **${(visit.ms / 1000).toFixed(1)} s**`)
					.join(', ') +
				'.'
		].join('\n');
	}
};
