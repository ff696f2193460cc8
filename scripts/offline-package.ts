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
 * tests/e2e/offline.spec.ts checks the result against the pages themselves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestEntry } from 'workbox-build';

export function offlinePackage(output: string) {
	return (entries: (ManifestEntry & { size: number })[]) => {
		const manifest = entries.flatMap((entry) => {
			const { url } = entry;
			// The trainer's Worker's own copy of the curve code, loaded only where WebCrypto
			// lacks X25519: there the page opens attempts itself, with the copy kept here.
			if (url.startsWith('client/_app/immutable/workers/chunks/')) return [];
			for (const folder of ['client/', 'prerendered/pages/', 'prerendered/dependencies/']) {
				if (!url.startsWith(folder)) continue;
				const path = url.slice(folder.length);
				return path.endsWith('.html') ? [] : [{ ...entry, url: path }];
			}
			return [entry];
		});
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
