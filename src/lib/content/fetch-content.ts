/**
 * Tool pages (projector, presenter, story player and class mode, quiz station and paper
 * sheets) are drawn in the browser from one JSON file per item and language, prerendered
 * under `/data/…` and kept offline by the service worker. Two pages showing the same lesson
 * or quiz share that one file, so the offline copy holds each item once.
 */
import { error } from '@sveltejs/kit';
import type { Locale } from './types';
import { localizePath } from '$lib/i18n';

export type ContentKind = 'lessons' | 'stories' | 'quizzes';

const ID = '([a-z0-9]+(?:-[a-z0-9]+)*)';

/** Each tool page's address, the kind of item it shows, and any shared file it reads too. */
const TOOL_PAGES: { path: RegExp; kind: ContentKind; shared?: string }[] = [
	{ path: new RegExp(`^(/km)?/present/${ID}(?:/presenter)?$`), kind: 'lessons' },
	{ path: new RegExp(`^(/km)?/story/${ID}(?:/class)?$`), kind: 'stories' },
	// The station's end screen shows the help contacts, which every quiz shares.
	{ path: new RegExp(`^(/km)?/quiz/${ID}$`), kind: 'quizzes', shared: '/data/contacts.json' },
	// The paper sheet itself is rendered at build time, its quiz inlined in its HTML.
	{ path: new RegExp(`^(/km)?/quiz/${ID}/paper/enter$`), kind: 'quizzes' }
];

/**
 * The JSON files a tool page will fetch as soon as its scripts run, from the page's path;
 * none for any other page. The page's HTML asks for them at once (a preload), so that the
 * files arrive with the scripts instead of after them.
 */
export function contentFilesOf(pathname: string): string[] {
	for (const { path, kind, shared } of TOOL_PAGES) {
		const match = path.exec(pathname);
		if (!match) continue;
		const [, km = '', id] = match;
		return [`${km}/data/${kind}/${id}.json`, ...(shared ? [`${km}${shared}`] : [])];
	}
	return [];
}

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
