import type { Handle } from '@sveltejs/kit';
import { bootScript } from '$lib/boot';
import { localeFromPath } from '$lib/i18n';

/**
 * Prerendered pages carry their language in `<html lang>`, for fonts and screen readers,
 * and the boot script (see $lib/boot.ts) inline in their head.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', localeFromPath(event.url.pathname)).replace('%boot%', bootScript)
	});
