/**
 * What the service worker saves for offline use, chosen at build time from the files the
 * build wrote (vite.config.ts hands this to the PWA plugin in place of its own list). Offline,
 * every page is drawn in the browser by the fallback shell, 404.html, from its data, as the
 * app's own navigation does online; so no page's HTML is kept, each thing is held once:
 * - every script, style, font and icon, and the shell (but for the trainer's Worker's copy of
 *   the curve code, see below);
 * - the strings and content files (/data/…: each lesson and story once, read by every page
 *   that shows it);
 * - the data (`__data.json`) of every page that has some, which the shell needs.
 * The results area's own code is the trainer's alone: it is listed too, marked `trainer`, and
 * the service worker saves it only on a device where the results area has been opened.
 * tests/e2e/offline.spec.ts checks the result against the pages themselves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestEntry } from 'workbox-build';

/** The module the results page loads its area from (src/routes/…/results/+page.svelte). */
const RESULTS_AREA = 'src/routes/[[lang=lang]]/(app)/results/ResultsArea.svelte';
/** The trainer's Worker (src/lib/results/results-worker.ts), which no other page starts. */
const RESULTS_WORKER = /^_app\/immutable\/workers\/results-worker-[^/]+\.js$/;

interface Chunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	assets?: string[];
	isEntry?: boolean;
}

/** Every file `starts` load, now or later, without passing through `avoid`. */
function reachable(chunks: Record<string, Chunk>, starts: string[], avoid?: string): Set<string> {
	const files = new Set<string>();
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key) || key === avoid) return;
		seen.add(key);
		const chunk = chunks[key];
		if (!chunk) throw new Error(`The build's manifest has no ${key}`);
		for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
		for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
	};
	starts.forEach(visit);
	return files;
}

/**
 * The files only the results area loads: what it reaches, less what any page reaches
 * without it, and the trainer's Worker.
 */
export function trainerOnly(output: string): (file: string) => boolean {
	const chunks = JSON.parse(
		readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')
	) as Record<string, Chunk>;
	if (!chunks[RESULTS_AREA]) throw new Error(`The build's manifest has no ${RESULTS_AREA}`);
	const entries = Object.keys(chunks).filter((key) => chunks[key]!.isEntry);
	const shared = reachable(chunks, entries, RESULTS_AREA);
	const area = reachable(chunks, [RESULTS_AREA]);
	return (file) => RESULTS_WORKER.test(file) || (area.has(file) && !shared.has(file));
}

export function offlinePackage(output: string) {
	return (entries: (ManifestEntry & { size: number })[]) => {
		const trainer = trainerOnly(output);
		const manifest = entries.flatMap(
			(entry): (ManifestEntry & { size: number; trainer?: true })[] => {
				const { url } = entry;
				// The trainer's Worker's own copy of the curve code, loaded only where WebCrypto
				// lacks X25519: there the page opens attempts itself, with the copy kept here.
				if (url.startsWith('client/_app/immutable/workers/chunks/')) return [];
				for (const folder of ['client/', 'prerendered/pages/', 'prerendered/dependencies/']) {
					if (!url.startsWith(folder)) continue;
					const path = url.slice(folder.length);
					if (path.endsWith('.html')) return [];
					return [trainer(path) ? { ...entry, url: path, trainer: true } : { ...entry, url: path }];
				}
				return [entry];
			}
		);
		// The shell is written by the adapter after this list is made; it changes whenever the
		// app's scripts do, and so does the version file.
		const version = readFileSync(join(output, 'client/_app/version.json'));
		manifest.push({
			url: '404.html',
			revision: createHash('md5').update(version).digest('hex'),
			size: 0
		});
		return { manifest, warnings: [] };
	};
}
