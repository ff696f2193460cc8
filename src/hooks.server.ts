import type { Handle } from '@sveltejs/kit';
import khmerBold from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2?url';
import khmerRegular from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2?url';
import { bootScript } from '$lib/boot';
import { contentFilesOf } from '$lib/content/fetch-content';
import { localeFromPath, messagesFile } from '$lib/i18n';

// A Khmer page asks for its font at once, before the stylesheet is read: text drawn first
// in a fallback font and then redrawn would shift the page under the reader.
const khmerPreload = [khmerRegular, khmerBold]
	.map((href) => `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)
	.join('');

const fetchPreload = (file: string) =>
	`<link rel="preload" href="${file}" as="fetch" crossorigin="anonymous">`;

/**
 * What a page that runs scripts fetches as soon as they start: its interface strings, and a
 * tool page its content files. Asked for at once, they arrive with the scripts, not after.
 */
function scriptPreload(pathname: string, html: string): string {
	if (!html.includes('/_app/immutable/entry/')) return '';
	return [messagesFile(localeFromPath(pathname)), ...contentFilesOf(pathname)]
		.map(fetchPreload)
		.join('');
}

/**
 * Prerendered pages carry their language in `<html lang>`, for fonts and screen readers;
 * Khmer pages preload their font, pages that run scripts their strings and tool pages their
 * content files; every page has the boot script (see $lib/boot.ts) inline in its head.
 */
export const handle: Handle = ({ event, resolve }) => {
	const locale = localeFromPath(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', locale)
				.replace(
					'%preload%',
					(locale === 'km' ? khmerPreload : '') + scriptPreload(event.url.pathname, html)
				)
				.replace('%boot%', bootScript)
	});
};
