import { error } from '@sveltejs/kit';
import { citeSources, findGuide, guideIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

// A reading page: plain HTML, no scripts to download or run (see README, "How it is built").
export const csr = false;

export const entries: EntryGenerator = () =>
	guideIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const guide = findGuide(localeOf(params), params.id);
	if (!guide) error(404, 'Not found');
	return { guide, sources: citeSources(guide.sources) };
};
