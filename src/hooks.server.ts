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
	return `<link rel="preload" href="${file}" as="fetch" crossorigin="anonymous" fetchpriority="low">`;
}

const STYLESHEET = /\s*<link href="[^"]+" rel="stylesheet">/g;

/**
 * The page is drawn as soon as its styles arrive: they are asked for first, and its scripts
 * after them at low priority (they make the page work, but it is drawn without them), so that
 * a slow link does not carry some twenty scripts before the page can be shown.
 */
function stylesFirst(html: string): string {
	const sheets = html.match(STYLESHEET);
	const rest = html.replace(STYLESHEET, '');
	const at = rest.indexOf('<link href="', rest.indexOf('%boot%'));
	if (!sheets || at < 0) return html;
	const scripts = rest
		.slice(at)
		.replaceAll('rel="modulepreload">', 'rel="modulepreload" fetchpriority="low">');
	return (
		rest.slice(0, at) + sheets.map((sheet) => sheet.trim()).join('\n\t\t') + '\n\t\t' + scripts
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
