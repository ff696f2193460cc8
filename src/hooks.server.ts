import type { Handle } from '@sveltejs/kit';
import khmerBold from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2?url';
import khmerRegular from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2?url';
import { bootScript } from '$lib/boot';
import { localeFromPath, messagesFile } from '$lib/i18n';

// A Khmer page asks for its font at once, before the stylesheet is read: text drawn first
// in a fallback font and then redrawn would shift the page under the reader.
const khmerPreload = [khmerRegular, khmerBold]
	.map((href) => `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)
	.join('');

/**
 * A page that runs scripts fetches its interface strings as soon as they start: asked for at
 * once, the file arrives with the scripts, not after them.
 */
function stringsPreload(pathname: string, html: string): string {
	if (!html.includes('/_app/immutable/entry/')) return '';
	const file = messagesFile(localeFromPath(pathname));
	return `<link rel="preload" href="${file}" as="fetch" crossorigin="anonymous">`;
}

const STYLESHEET = /\s*<link href="[^"]+" rel="stylesheet">/g;

/**
 * The page's styles are asked for before its scripts: the prerendered page can be drawn as
 * soon as they arrive, while a slow link would otherwise carry some twenty scripts first.
 */
function stylesFirst(html: string): string {
	const sheets = html.match(STYLESHEET);
	const rest = html.replace(STYLESHEET, '');
	const at = rest.indexOf('<link href="', rest.indexOf('%boot%'));
	if (!sheets || at < 0) return html;
	return (
		rest.slice(0, at) +
		sheets.map((sheet) => sheet.trim()).join('\n\t\t') +
		'\n\t\t' +
		rest.slice(at)
	);
}

/**
 * Prerendered pages carry their language in `<html lang>`, for fonts and screen readers;
 * Khmer pages preload their font and pages that run scripts their strings; styles come
 * before scripts; every page has the boot script (see $lib/boot.ts) inline in its head.
 */
export const handle: Handle = ({ event, resolve }) => {
	const locale = localeFromPath(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			stylesFirst(html)
				.replace('%lang%', locale)
				.replace(
					'%preload%',
					(locale === 'km' ? khmerPreload : '') + stringsPreload(event.url.pathname, html)
				)
				.replace('%boot%', bootScript)
	});
};
