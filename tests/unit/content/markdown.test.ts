import { describe, expect, it } from 'vitest';
import { guideSection } from '$lib/content/guide';
import { renderBlock, slugOf } from '$lib/content/markdown';

describe('headings to link to', () => {
	it('take the anchor a heading names, and do not show it', () => {
		const { html } = renderBlock('## If a student tells you {#disclosure}\n\nListen.', {
			anchors: true
		});
		expect(html).toContain('<h2 id="disclosure">If a student tells you</h2>');
	});

	it('make an anchor from the words of any other heading, in any script, never twice the same', () => {
		const { html } = renderBlock('## Getting ready!\n\n## Getting ready\n\n## ការរៀបចំ ឱ្យរួច', {
			anchors: true
		});
		expect(html).toContain('<h2 id="getting-ready">');
		expect(html).toContain('<h2 id="getting-ready-2">');
		expect(html).toContain(`<h2 id="${slugOf('ការរៀបចំ ឱ្យរួច')}">`);
		expect(slugOf('ការរៀបចំ ឱ្យរួច')).toBe('ការរៀបចំ-ឱ្យរួច');
	});

	it('leave headings alone where anchors are not asked for, and a brace that is not an anchor', () => {
		expect(renderBlock('## Plain {#x}').html).toBe('<h2>Plain {#x}</h2>');
		expect(renderBlock('## Sets {#Not An Id}', { anchors: true }).html).toContain(
			'>Sets {#Not An Id}</h2>'
		);
	});

	it('cut a guide’s section out of its page, up to the next section', () => {
		const { html } = renderBlock('## One\n\nFirst.\n\n## Two {#two}\n\n- a\n- b\n\n## Three\n\nLast.', {
			anchors: true
		});
		expect(guideSection(html, 'two')).toEqual({
			title: 'Two',
			html: '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'
		});
		expect(guideSection(html, 'three')?.html).toBe('<p>Last.</p>');
		expect(guideSection(html, 'missing')).toBeUndefined();
	});
});
