/**
 * Tool pages (projector, presenter, story player and class mode) are drawn from one JSON file
 * per item and language, prerendered under `/data/…` and kept offline by the service worker.
 * Two pages showing the same lesson share that one file, so the offline copy holds each
 * lesson and story once. Prerendered, a page's HTML carries the file's text with it, so the
 * browser does not fetch it again; offline, the shell draws the page from the saved file.
 */
import { error } from '@sveltejs/kit';
import type { Locale } from './types';
import { localizePath } from '$lib/i18n';

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
