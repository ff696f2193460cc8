/**
 * The service worker's lists, read from the built worker (chosen by scripts/offline-package.ts):
 * what every device saves for offline use, and the results area's files, which only a device
 * that has opened the results area saves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PrecacheLists {
	/** Saved by every device on its first visit. */
	everyDevice: string[];
	/** Saved where the results area has been opened. */
	resultsArea: string[];
}

export function readPrecacheLists(dir = 'build'): PrecacheLists {
	const worker = readFileSync(join(dir, 'service-worker.js'), 'utf8');
	const entries = [...worker.matchAll(/\{[^{}]*"url":"[^"]+"[^{}]*\}/g)].map(
		(match) => JSON.parse(match[0]) as { url: string; trainer?: boolean }
	);
	return {
		everyDevice: entries.filter((entry) => !entry.trainer).map((entry) => entry.url),
		resultsArea: entries.filter((entry) => entry.trainer).map((entry) => entry.url)
	};
}
