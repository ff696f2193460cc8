/**
 * Tool pages (projector, presenter, story player and class mode, quiz station and paper
 * sheets) are drawn from one JSON file per item and language, prerendered under `/data/…`
 * and kept offline by the service worker. Two pages showing the same lesson or quiz share
 * that one file, so the offline copy holds each item once. Prerendered, a page's HTML carries
 * the file's text with it, so the browser does not fetch it again; offline, the shell draws
 * the page from the saved file.
 */
import { error } from '@sveltejs/kit';
import type { Locale } from './types';
import { localizePath } from '$lib/i18n';

export type ContentKind = 'lessons' | 'stories' | 'quizzes';

/** A `/data/…` file of the page's language; a missing one is the page's 404. */
export async function fetchData<T>(
	fetch: typeof globalThis.fetch,
	path: string,
	lang: Locale
): Promise<T> {
	const response = await fetch(localizePath(path, lang));
	if (!response.ok) error(response.status === 404 ? 404 : 500, 'Not found');
	return (await response.json()) as T;
}

export function fetchContent<T>(
	fetch: typeof globalThis.fetch,
	kind: ContentKind,
	id: string,
	lang: Locale
): Promise<T> {
	return fetchData<T>(fetch, `/data/${kind}/${id}.json`, lang);
}
