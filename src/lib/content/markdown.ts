/**
 * Markdown to HTML, at build time only. Raw HTML in content is not passed through
 * (it is shown as text), so nothing an author types can inject markup or scripts.
 */
import MarkdownIt, { type Token } from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export interface Rendered {
	html: string;
	/** Addresses of every link and image, for the offline check. */
	links: string[];
}

function collectLinks(tokens: Token[], links: string[]): void {
	for (const token of tokens) {
		const href = token.attrGet('href') ?? token.attrGet('src');
		if (href !== null) links.push(String(href));
		if (token.children) collectLinks(token.children, links);
	}
}

/** `## Title {#anchor}`: a heading's own, stable anchor, the same in every language. */
const ANCHOR = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/** An anchor made from a heading's words, for headings that do not name one. */
export function slugOf(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
		.trim()
		.replace(/[\s-]+/g, '-');
}

/**
 * Gives every heading an id, so that a page can link to its sections: the one the heading
 * names with `{#anchor}` (which is then not shown), or one made from its words.
 */
function anchorHeadings(tokens: Token[]): void {
	const used = new Set<string>();
	tokens.forEach((token, index) => {
		const inline = tokens[index + 1];
		if (token.type !== 'heading_open' || !inline?.children) return;
		const last = inline.children.at(-1);
		const named = last?.type === 'text' ? ANCHOR.exec(last.content) : null;
		if (named && last) {
			last.content = last.content.slice(0, named.index);
			inline.content = inline.content.replace(ANCHOR, '');
		}
		let id = named?.[1] ?? slugOf(inline.content);
		for (let count = 2; used.has(id); count++) id = `${named?.[1] ?? slugOf(inline.content)}-${count}`;
		used.add(id);
		token.attrSet('id', id);
	});
}

export function renderBlock(source: string, options: { anchors?: boolean } = {}): Rendered {
	const tokens = markdown.parse(source, {});
	if (options.anchors) anchorHeadings(tokens);
	const links: string[] = [];
	collectLinks(tokens, links);
	return { html: markdown.renderer.render(tokens, markdown.options, {}).trim(), links };
}

export function renderInline(source: string): Rendered {
	const tokens = markdown.parseInline(source, {});
	const links: string[] = [];
	collectLinks(tokens, links);
	return { html: markdown.renderer.render(tokens, markdown.options, {}).trim(), links };
}

/** Text of a Markdown heading line, without the `#` marks or inline formatting. */
export function plainText(source: string): string {
	return markdown
		.parseInline(source, {})
		.flatMap((token) => token.children ?? [token])
		.filter((token) => token.type === 'text' || token.type === 'code_inline')
		.map((token) => token.content)
		.join('')
		.trim();
}
