/**
 * Guides: pages of plain prose for teachers (how to run a session, set up the tablets,
 * what to do when a student speaks of a case). The title is the page's heading, so the
 * text's own sections start at `##`. Every section heading gets an id to link to; one that
 * other pages link to names its own (`## If a student tells you about a case {#disclosure}`),
 * the same in every language.
 */
import { z } from 'zod';
import type { FieldHints } from './front-matter';
import { sourceEntry, type ContentKind } from './kinds';
import { renderBlock } from './markdown';
import type { Guide } from './types';

export const guideFields = z.strictObject({
	id: z.string(),
	title: z.string().trim().min(1),
	summary: z.string().trim().min(1),
	sources: z.array(sourceEntry).min(1),
	translation: z.enum(['original', 'draft', 'reviewed']).optional()
});

const hints: FieldHints = {
	id: 'id: teachers-guide',
	title: 'title: "Teacher\'s guide"',
	summary: 'summary: "One sentence that says what the guide is for."',
	sources: 'sources: then a "- care-smart: school sessions" line per source',
	translation: 'translation: draft'
};

/** A section of a guide's compiled HTML, from its `## ` heading to the next one. */
export function guideSection(html: string, id: string): { title: string; html: string } | undefined {
	const start = html.indexOf(`<h2 id="${id}">`);
	if (start < 0) return undefined;
	const titleEnd = html.indexOf('</h2>', start);
	const next = html.indexOf('<h2 ', titleEnd);
	return {
		title: html.slice(html.indexOf('>', start) + 1, titleEnd),
		html: html.slice(titleEnd + '</h2>'.length, next < 0 ? undefined : next).trim()
	};
}

export const guideKind: ContentKind<Guide> = {
	directory: 'guides',
	label: 'guide',
	fields: guideFields,
	hints,

	compile({ file, split, meta, fields, problems, checkLinks }) {
		const front = fields as z.infer<typeof guideFields>;
		let fenced = false;
		split.body.forEach((line, index) => {
			if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
			if (!fenced && /^#\s/.test(line)) {
				problems.error(
					file,
					split.bodyLine + index,
					'a guide has one top heading, its title',
					'start sections with "## " instead of "# "'
				);
			}
		});
		if (split.body.every((line) => line.trim() === '')) {
			problems.error(file, split.bodyLine, 'the guide has no text', 'write it below the front matter');
		}
		const body = renderBlock(split.body.join('\n'), { anchors: true });
		checkLinks(split.bodyLine, body.links);
		return { ...meta, summary: front.summary, html: body.html };
	}
};
