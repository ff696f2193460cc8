import { describe, expect, it } from 'vitest';
import { compileWith, errors, fixtureSet } from '../content/fixtures';

const LESSON = 'content/en/lessons/moving.md';
const CARD = 'content/en/cards/help.md';
const base = fixtureSet();

/** The fixture lesson with a `[contacts]` line on its last slide. */
function withContacts(line = '[contacts]') {
	return { [LESSON]: base.get(LESSON)!.replace('Sort the cards.', `Sort the cards.\n\n${line}\n`) };
}

describe('"[contacts]" in a lesson slide', () => {
	it('becomes the hotline with who can call it, and a place for the local contacts, filled by an inline script', () => {
		const { content, problems } = compileWith(base, withContacts());
		expect(errors(problems)).toEqual([]);
		const html = content.lessons.en.find((lesson) => lesson.id === 'moving')!.slides[2]!.html;
		expect(html).toContain(
			'<span class="help-number">1288</span> <span class="help-name">1288 hotline</span>'
		);
		expect(html).toContain('<p class="help-who">Call from Cambodia, free.');
		expect(html).toMatch(
			/<div class="local-contacts" data-local-contacts><p class="local-heading">Help near here<\/p><p class="local-ask" data-when-empty>Ask your commune council [^<]*<\/p><\/div><script>\(function\(s\)\{.*textContent.*\}\)\(document\.currentScript\)<\/script>/
		);
		expect(html).not.toContain('[contacts]');
		// The inline script writes text only.
		expect(html).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
	});

	it('is in the lesson’s language', () => {
		const km = 'content/km/lessons/moving.md';
		const { content } = compileWith(base, {
			...withContacts(),
			[km]: base.get(km)!.replace(/(\n# [^\n]*\n)(?![\s\S]*\n# )/, '$1\n[contacts]\n')
		});
		const html = content.lessons.km[0]!.slides.at(-1)!.html;
		expect(html).toContain('ខ្សែទូរស័ព្ទ 1288');
		expect(html).toContain('ជំនួយនៅក្បែរនេះ');
	});

	it('is left as written when it is not alone on its line, or sits in a code block', () => {
		const { content } = compileWith(base, {
			[LESSON]: base
				.get(LESSON)!
				.replace('Sort the cards.', 'Sort the cards [contacts] here.\n\n```\n[contacts]\n```')
		});
		const html = content.lessons.en[0]!.slides[2]!.html;
		expect(html).not.toContain('help-block');
		expect(html.match(/\[contacts\]/g)).toHaveLength(2);
	});
});

describe('"[contacts]" on a card', () => {
	it('lists the hotline, then keeps room for three local contacts, with lines to write on while there are none', () => {
		const { content } = compileWith(base);
		const front = content.cards.en.find((card) => card.id === 'help')!.front;
		expect(front).toContain(
			'</ul><div class="local-contacts" data-local-contacts data-max="3"><p class="local-ask" data-when-empty>Help near here: ask your commune council.</p><p class="local-blank" data-when-empty></p><p class="local-blank" data-when-empty></p></div>'
		);
		const km = content.cards.km.find((card) => card.id === 'help')!.front;
		expect(km).toContain('ជំនួយនៅក្បែរនេះ៖ សួរក្រុមប្រឹក្សាឃុំរបស់អ្នក។');
		expect(base.get(CARD)).toContain('[contacts]');
	});
});
