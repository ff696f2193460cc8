/** Reads every content file from disk, for `content:check` and the build's first check. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './front-matter';

export function readContentFiles(root: string, folder = 'content'): SourceFile[] {
	return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(md|yml)$/.test(entry.name))
		.map((entry) => {
			const absolute = join(entry.parentPath, entry.name);
			return {
				path: relative(root, absolute).split(sep).join('/'),
				text: readFileSync(absolute, 'utf8')
			};
		});
}
