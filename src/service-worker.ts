/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: it keeps every page, script, style, font and icon of the app,
 * in both languages, so that after one visit the app opens with no network at all.
 * - precache: the list the build injects (`self.__WB_MANIFEST`), every prerendered page
 *   and its data; a new version is installed in the background and takes over only when
 *   the user chooses "reload" (SKIP_WAITING), never in the middle of a quiz.
 * - navigations to an unknown address get the app's shell (404.html), which shows the
 *   app's own not-found page in the reader's language.
 * - OFFLINE_STATUS answers how many of the files are saved, for the settings page.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	getCacheKeyForURL,
	precacheAndRoute
} from 'workbox-precaching';
import { cacheNames } from 'workbox-core';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

const manifest = self.__WB_MANIFEST;

precacheAndRoute(manifest, {
	// SvelteKit asks for page data with its own query parameters; the files are the same.
	// `lesson` preselects the lesson on /sessions/log, a page read in the browser.
	ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^x-sveltekit-/, /^lesson$/]
});
cleanupOutdatedCaches();

registerRoute(
	new NavigationRoute(createHandlerBoundToURL('404.html'), {
		// Files are never answered with the page shell.
		denylist: [/^\/_app\//, /\/[^/]+\.[a-z0-9]+$/i]
	})
);

// The first visit is controlled at once, so the app is ready offline without a reload.
clientsClaim();

async function offlineStatus(): Promise<{ total: number; cached: number }> {
	const cache = await caches.open(cacheNames.precache);
	const found = await Promise.all(
		manifest.map(async (entry) => {
			const url = typeof entry === 'string' ? entry : entry.url;
			const key = getCacheKeyForURL(url);
			return key ? Boolean(await cache.match(key)) : false;
		})
	);
	return { total: manifest.length, cached: found.filter(Boolean).length };
}

self.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'SKIP_WAITING') {
		void self.skipWaiting();
	} else if (type === 'OFFLINE_STATUS') {
		const port = event.ports[0];
		event.waitUntil(offlineStatus().then((status) => port?.postMessage(status)));
	}
});
