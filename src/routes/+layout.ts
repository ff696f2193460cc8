import { localeFromPath, useLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

export const load: LayoutLoad = async ({ url }) => {
	const lang = localeFromPath(url.pathname);
	await useLocale(lang);
	return { lang };
};
