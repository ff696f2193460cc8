/** Every page the build prerendered, as addresses: `/`, `/sessions`, `/km/lessons/…`. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function prerenderedRoutes(dir = 'build'): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html')
		.map((entry) => {
			const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
			const route = `/${path.replace(/\.html$/, '')}`;
			return route === '/index' ? '/' : route.replace(/\/index$/, '');
		})
		.sort();
}

/** Splits a list into runs of `size`, so that long walks become several tests. */
export function inBatches<T>(items: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < items.length; start += size)
		batches.push(items.slice(start, start + size));
	return batches;
}
