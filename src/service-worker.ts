/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: it keeps the app, in both languages, so that after one visit it opens
 * with no network at all.
 * - precache: the list the build injects (`self.__WB_MANIFEST`, chosen in vite.config.ts):
 *   scripts, styles, fonts, icons, the shell, the strings and content files, and the data
 *   of the pages that have some (scripts/offline-package.ts). It is saved several files at a
 *   time, the reader's language first, so a weak connection makes the device ready in
 *   seconds. A new version is installed in the background and takes over only when the user
 *   chooses "reload" (SKIP_WAITING), never in the middle of a quiz.
 * - the results area's own files, the trainer's alone (marked `trainer` in that list), are
 *   saved only on a device where the results area has been opened (SAVE_TRAINER_FILES, from
 *   src/lib/pwa/trainer-files.ts); a new version saves its own there before it installs.
 * - any other page (a tool page, a lesson, an unknown address) gets the app's shell,
 *   404.html, which draws that page, or the app's own not-found page, in the browser; a
 *   content file under /data/ that is not saved is answered 404 when offline.
 * - OFFLINE_STATUS answers how many of the files are saved, for the start and settings pages.
 */
import { cacheNames, clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	PrecacheController,
	PrecacheRoute,
	type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/** Files fetched at once while saving: what a browser allows per host over HTTP/1.1. */
const PARALLEL = 6;

/** Where the results area's files are kept, apart from the precache every device fills. */
const TRAINER_CACHE = 'results-area';

const manifest = self.__WB_MANIFEST as (PrecacheEntry & { trainer?: true })[];
const precache = new PrecacheController();
precache.addToCacheList(manifest.filter((entry) => !entry.trainer));
const trainerFiles = manifest
	.filter((entry) => entry.trainer)
	.map((entry) => new URL(entry.url, self.location.href).href);

registerRoute(
	new PrecacheRoute(precache, {
		// SvelteKit asks for page data with its own query parameters; the files are the same.
		// `lesson` preselects the lesson on /sessions/log, a page read in the browser.
		ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^x-sveltekit-/, /^lesson$/]
	})
);
// The results area's files: from where they are kept, else from the network, and kept.
registerRoute(
	({ url }) => trainerFiles.includes(url.href),
	async ({ request }) => {
		const cache = await caches.open(TRAINER_CACHE);
		const kept = await cache.match(request);
		if (kept) return kept;
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	}
);
// Every content file of this version is precached, so one that is not does not exist: when
// the network cannot be asked, it is a 404, and the page says "not found", not "error".
registerRoute(
	({ url, sameOrigin }) => sameOrigin && /^(\/km)?\/data\//.test(url.pathname),
	async ({ request }) => {
		try {
			return await fetch(request);
		} catch {
			return new Response('Not found', { status: 404 });
		}
	}
);
registerRoute(
	new NavigationRoute(precache.createHandlerBoundToURL('404.html'), {
		// Files are never answered with the page shell.
		denylist: [/^\/_app\//, /\/[^/]+\.[a-z0-9]+$/i]
	})
);
cleanupOutdatedCaches();

type Language = 'en' | 'km';

/** Which language a saved file serves; shared files (scripts, styles, icons) serve both. */
function languageOf(url: string): Language | undefined {
	const path = new URL(url).pathname;
	if (path === '/km' || path.startsWith('/km/') || path.includes('noto-sans-khmer')) return 'km';
	if (path.startsWith('/_app/') || path.startsWith('/icons/') || /^\/[^/]+\.\w+$/.test(path))
		return undefined;
	return 'en';
}

/** The language of the page that is being made ready, read from the open tabs' addresses. */
async function readersLanguage(): Promise<Language> {
	const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const khmer = tabs.some((tab) => languageOf(tab.url) === 'km');
	return khmer ? 'km' : 'en';
}

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const first = await readersLanguage();
			const rank = (url: string) => {
				const language = languageOf(url);
				return language === undefined ? 0 : language === first ? 1 : 2;
			};
			const queue = [...precache.getURLsToCacheKeys()].sort(([a], [b]) => rank(a) - rank(b));
			// Workbox saves one file after another; over a slow link each waits a round trip,
			// so here a few are in flight at once. A file that fails fails the install, as in
			// Workbox: the browser tries again at the next visit, keeping what was saved.
			const next = async (): Promise<void> => {
				for (let entry = queue.shift(); entry; entry = queue.shift()) {
					const [url, cacheKey] = entry;
					const request = new Request(url, {
						integrity: precache.getIntegrityForCacheKey(cacheKey),
						// A file with a revision is fetched past the HTTP cache; hashed ones may come from it.
						cache: cacheKey === url ? 'default' : 'reload',
						credentials: 'same-origin'
					});
					await Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
				}
			};
			await Promise.all(Array.from({ length: PARALLEL }, next));
			// A device that keeps the results area keeps this version's too, or it would lose
			// it offline after the update; if any file fails, the install does, as above.
			if (await caches.has(TRAINER_CACHE)) {
				const { saved, total } = await saveTrainerFiles();
				if (saved < total)
					throw new Error(`${total - saved} of the results area's files not saved`);
			}
		})()
	);
});

self.addEventListener('activate', (event) => {
	void precache.activate(event);
	event.waitUntil(dropOldTrainerFiles());
});

// The first visit is controlled at once, so the app is ready offline without a reload.
clientsClaim();

async function offlineStatus(): Promise<{ total: number; cached: number }> {
	const cache = await caches.open(cacheNames.precache);
	const keys = [...precache.getURLsToCacheKeys().values()];
	const found = await Promise.all(keys.map(async (key) => Boolean(await cache.match(key))));
	return { total: keys.length, cached: found.filter(Boolean).length };
}

/** Saves whichever of the results area's files are not kept yet, several at a time. */
async function saveTrainerFiles(): Promise<{ saved: number; total: number }> {
	const cache = await caches.open(TRAINER_CACHE);
	const queue = [...trainerFiles];
	let saved = 0;
	const next = async (): Promise<void> => {
		for (let url = queue.shift(); url; url = queue.shift()) {
			try {
				if (!(await cache.match(url))) {
					const response = await fetch(url, { credentials: 'same-origin' });
					if (!response.ok) continue;
					await cache.put(url, response);
				}
				saved += 1;
			} catch {
				// Not saved (no network): counted as missing.
			}
		}
	};
	await Promise.all(Array.from({ length: PARALLEL }, next));
	return { saved, total: trainerFiles.length };
}

/** Once a version has taken over, the files of the results area of older ones go. */
async function dropOldTrainerFiles(): Promise<void> {
	if (!(await caches.has(TRAINER_CACHE))) return;
	const cache = await caches.open(TRAINER_CACHE);
	const current = new Set(trainerFiles);
	const old = (await cache.keys()).filter((request) => !current.has(request.url));
	await Promise.all(old.map((request) => cache.delete(request)));
}

self.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'SKIP_WAITING') {
		void self.skipWaiting();
	} else if (type === 'OFFLINE_STATUS') {
		const port = event.ports[0];
		event.waitUntil(offlineStatus().then((status) => port?.postMessage(status)));
	} else if (type === 'SAVE_TRAINER_FILES') {
		const port = event.ports[0];
		event.waitUntil(saveTrainerFiles().then((status) => port?.postMessage(status)));
	}
});
