/**
 * Lighthouse's mobile audit (its default: a mid-range phone, throttled network and CPU) of
 * one page of each kind, for the quality bars in the design: performance, accessibility
 * and best practices. It drives the same Chromium as the tests, on the built app.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../browser';
import type { BenchSection } from './types';

const pages = [
	{ name: 'start page', path: '/' },
	{ name: 'lesson (Khmer)', path: '/km/lessons/documents' },
	{ name: 'projector', path: '/present/documents' },
	{ name: 'story player', path: '/story/sophea' },
	{ name: 'quiz station', path: '/quiz/before-the-sessions' },
	{ name: 'card printing', path: '/cards/print' }
];

const categories = ['performance', 'accessibility', 'best-practices'] as const;

export const lighthouseBench: BenchSection = {
	title: 'Lighthouse, mobile',
	async run({ url }) {
		const chrome = await chromeLauncher.launch({
			chromePath: chromiumPath(),
			chromeFlags: ['--headless=new', ...chromiumArgs]
		});
		const rows = [
			'| page | performance | accessibility | best practices | first paint | largest paint | blocking time | layout shift |',
			'|---|---|---|---|---|---|---|---|'
		];
		const notes: string[] = [];
		try {
			for (const page of pages) {
				const result = await lighthouse(url + page.path, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: [...categories]
				});
				const lhr = result?.lhr;
				const scores = categories.map((name) => {
					const score = lhr?.categories[name]?.score;
					return score === null || score === undefined ? '–' : String(Math.round(score * 100));
				});
				const metrics = [
					'first-contentful-paint',
					'largest-contentful-paint',
					'total-blocking-time',
					'cumulative-layout-shift'
				].map((id) => lhr?.audits[id]?.displayValue ?? '–');
				rows.push(`| ${page.name} (\`${page.path}\`) | ${[...scores, ...metrics].join(' | ')} |`);
				// What cost points outside performance, so that the table can be read.
				for (const name of ['accessibility', 'best-practices'] as const) {
					for (const ref of lhr?.categories[name]?.auditRefs ?? []) {
						const audit = lhr?.audits[ref.id];
						if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
							notes.push(`\`${page.path}\`: ${audit.title}`);
						}
					}
				}
			}
		} finally {
			chrome.kill();
		}
		if (notes.length > 0)
			rows.push('', 'Points lost outside performance:', '', ...notes.map((note) => `- ${note}`));
		return rows.join('\n');
	}
};
