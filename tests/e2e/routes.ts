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
