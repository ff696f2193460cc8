/**
 * `npm run bench`: builds the app, serves it, and measures it in Chromium. Prints Markdown
 * (also written to bench-results/latest.md); `npm run bench -- --readme` also puts it in
 * the README's "Measured" section, between the bench markers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './browser';
import { cards } from './bench/cards';
import { lighthouseBench } from './bench/lighthouse';
import { resultsBench } from './bench/results';
import type { BenchSection } from './bench/types';
import { storyWeight } from './bench/story';
import { weight } from './bench/weight';
import { startServer } from './serve';

const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice(7);
const sections: BenchSection[] = [weight, lighthouseBench, storyWeight, cards, resultsBench];

const server = await startServer({ dir: 'build' });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const report: string[] = [
	`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, Chromium ${browser.version()}.`
];
try {
	for (const section of sections) {
		if (only && !section.title.toLowerCase().includes(only.toLowerCase())) continue;
		console.error(`… ${section.title}`);
		report.push(
			`### ${section.title}`,
			await section.run({ browser, url: server.url, dir: 'build' })
		);
	}
} finally {
	await browser.close();
	await server.close();
}
const markdown = report.join('\n\n') + '\n';
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', markdown);
console.log(markdown);

if (process.argv.includes('--readme')) {
	const readme = readFileSync('README.md', 'utf8');
	const updated = readme.replace(
		/(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/,
		`$1${markdown}$2`
	);
	writeFileSync('README.md', updated);
}
