/**
 * Lighthouse's mobile audit (its default: a mid-range phone, 1.6 Mbps and 150 ms simulated,
 * 4× slower CPU) of one page of each kind that a teacher or student opens, in both
 * languages, for the quality bars in the design: performance, accessibility and best
 * practices. It drives the same Chromium as the tests, on the built app served with gzip.
 * Also written to bench-results/lighthouse.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../browser';
import type { BenchSection } from './types';

const pages = [
	{ name: 'start page', path: '/' },
	{ name: 'lesson', path: '/lessons/documents' },
	{ name: 'projector', path: '/present/documents' },
	{ name: 'story player', path: '/story/sophea' },
	{ name: 'story, class mode', path: '/story/sophea/class' },
	{ name: 'quiz station', path: '/quiz/before-the-sessions' },
	{ name: 'card printing', path: '/cards/print' },
	{ name: 'results (trainer)', path: '/results' }
].flatMap((page) => [
	page,
	{ name: `${page.name} (Khmer)`, path: page.path === '/' ? '/km' : `/km${page.path}` }
]);

const categories = ['performance', 'accessibility', 'best-practices'] as const;
const metrics = {
	firstContentfulPaintMs: 'first-contentful-paint',
	largestContentfulPaintMs: 'largest-contentful-paint',
	totalBlockingTimeMs: 'total-blocking-time',
	speedIndexMs: 'speed-index',
	cumulativeLayoutShift: 'cumulative-layout-shift'
} as const;

export interface LighthousePage {
	name: string;
	path: string;
	performance: number | null;
	accessibility: number | null;
	bestPractices: number | null;
	firstContentfulPaintMs: number | null;
	largestContentfulPaintMs: number | null;
	totalBlockingTimeMs: number | null;
	speedIndexMs: number | null;
	cumulativeLayoutShift: number | null;
	/** Audits outside performance that cost points, to read the table by. */
	lost: string[];
}

const score = (value: number | null | undefined) =>
	value === null || value === undefined ? null : Math.round(value * 100);
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export const lighthouseBench: BenchSection = {
	title: 'Lighthouse, mobile',
	async run({ url }) {
		const chrome = await chromeLauncher.launch({
			chromePath: chromiumPath(),
			chromeFlags: ['--headless=new', ...chromiumArgs]
		});
		const results: LighthousePage[] = [];
		const load = loadavg()[0]!;
		try {
			for (const page of pages) {
				console.error(`  Lighthouse ${page.path}`);
				const lhr = (
					await lighthouse(url + page.path, {
						port: chrome.port,
						output: 'json',
						logLevel: 'error',
						onlyCategories: [...categories]
					})
				)?.lhr;
				const measured = Object.fromEntries(
					Object.entries(metrics).map(([key, id]) => {
						const value = lhr?.audits[id]?.numericValue;
						return [key, value === undefined ? null : Math.round(value * 1000) / 1000];
					})
				) as Record<keyof typeof metrics, number | null>;
				const lost: string[] = [];
				for (const name of ['accessibility', 'best-practices'] as const) {
					for (const ref of lhr?.categories[name]?.auditRefs ?? []) {
						const audit = lhr?.audits[ref.id];
						if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
							lost.push(audit.title);
					}
				}
				results.push({
					...page,
					performance: score(lhr?.categories.performance?.score),
					accessibility: score(lhr?.categories.accessibility?.score),
					bestPractices: score(lhr?.categories['best-practices']?.score),
					...measured,
					lost
				});
			}
		} finally {
			chrome.kill();
		}
		mkdirSync('bench-results', { recursive: true });
		writeFileSync(
			'bench-results/lighthouse.json',
			JSON.stringify(
				{
					measuredOn: new Date().toISOString().slice(0, 10),
					preset: 'Lighthouse 12, mobile (simulated 1.6 Mbps, 150 ms, 4× CPU)',
					server: 'scripts/serve.ts: gzip (level 6) for text, as static hosts do',
					loadAverage: Math.round(load * 10) / 10,
					pages: results
				},
				null,
				'\t'
			) + '\n'
		);

		const rows = [
			'| page | performance | accessibility | best practices | first paint | largest paint | blocking time | layout shift |',
			'|---|---|---|---|---|---|---|---|',
			...results.map((page) =>
				[
					`${page.name} (\`${page.path}\`)`,
					page.performance ?? '–',
					page.accessibility ?? '–',
					page.bestPractices ?? '–',
					seconds(page.firstContentfulPaintMs),
					seconds(page.largestContentfulPaintMs),
					page.totalBlockingTimeMs === null ? '–' : `${Math.round(page.totalBlockingTimeMs)} ms`,
					page.cumulativeLayoutShift === null ? '–' : page.cumulativeLayoutShift.toFixed(2)
				].join(' | ')
			)
		].map((row) => (row.startsWith('|') ? row : `| ${row} |`));
		const notes = results.flatMap((page) =>
			page.lost.map((title) => `- \`${page.path}\`: ${title}`)
		);
		if (notes.length > 0) rows.push('', 'Points lost outside performance:', '', ...notes);
		rows.push(
			'',
			`Served with gzip by scripts/serve.ts. The machine's load average was ${load.toFixed(1)} when the audits began: Lighthouse scales the CPU time it observes, so a busy machine lowers the scores.`
		);
		return rows.join('\n');
	}
};
