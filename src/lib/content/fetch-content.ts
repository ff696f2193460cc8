/**
 * Tool pages (projector, presenter, story player and class mode) are drawn in the browser
 * from one JSON file per item and language, prerendered under `/data/…` and kept offline
 * by the service worker. Two pages showing the same lesson share that one file, so the
 * offline copy holds each lesson and story once.
 */
import { error } from '@sveltejs/kit';
import type { Locale } from './types';
import { localizePath } from '$lib/i18n';

const SHELL_PATH = /^(\/km)?\/(present|story)\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/presenter|\/class)?$/;

/**
 * The JSON file a tool page will fetch as soon as its scripts run, from the page's path;
 * undefined for any other page. The page's HTML asks for it at once (a preload), so that
 * the file arrives with the scripts instead of after them.
 */
export function contentFileOf(pathname: string): string | undefined {
	const match = SHELL_PATH.exec(pathname);
	if (!match) return undefined;
	const [, km = '', page, id] = match;
	return `${km}/data/${page === 'present' ? 'lessons' : 'stories'}/${id}.json`;
}

export async function fetchContent<T>(
	fetch: typeof globalThis.fetch,
	kind: 'lessons' | 'stories',
	id: string,
	lang: Locale
): Promise<T> {
	const response = await fetch(localizePath(`/data/${kind}/${id}.json`, lang));
	if (!response.ok) error(response.status === 404 ? 404 : 500, 'Not found');
	return (await response.json()) as T;
}
