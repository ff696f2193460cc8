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

export function renderBlock(source: string): Rendered {
	const tokens = markdown.parse(source, {});
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
