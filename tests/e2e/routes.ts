/** Every page the build prerendered, as addresses: `/`, `/sessions`, `/km/lessons/…`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readPrecacheLists } from '../../scripts/precache-list';

export function prerenderedRoutes(dir = 'build'): string[] {
	const routes = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html')
		.map((entry) => {
			const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
			const route = `/${path.replace(/\.html$/, '')}`;
			return route === '/index' ? '/' : route.replace(/\/index$/, '');
		});
	// `/km` is both km.html and km/index.html (for hosts that answer `/km/`).
	return [...new Set(routes)].sort();
}

/** Splits a list into runs of `size`, so that long walks become several tests. */
export function inBatches<T>(items: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < items.length; start += size)
		batches.push(items.slice(start, start + size));
	return batches;
}

/** The addresses the service worker precaches on every device, read from the built worker. */
export function precachedUrls(dir = 'build'): string[] {
	return readPrecacheLists(dir).everyDevice;
}

/** Whether a prerendered page starts the app in the browser (reading pages do not). */
export function hydrates(route: string, dir = 'build'): boolean {
	const file = route === '/' ? 'index.html' : `${route.slice(1)}.html`;
	return readFileSync(join(dir, file), 'utf8').includes('/_app/immutable/entry/');
}
