import { describe, expect, it } from 'vitest';
import { CardPrint } from '$lib/cards/card-print.svelte';
import { compileContent } from '$lib/content/compile';
import { readContentFiles } from '$lib/content/read-files';

/** The fixture cards (help, too-long) in both languages; `without` leaves files out. */
function fixtureCards(...without: string[]) {
	const files = readContentFiles('tests/fixtures').filter((file) => !without.includes(file.path));
	return compileContent(files).content.cards;
}

describe('what the print page prints', () => {
	it('starts with every card, once each, in the page’s language, filling one sheet', () => {
		const print = new CardPrint(fixtureCards(), 'km');
		expect(print.chosen).toEqual(['help', 'too-long']);
		expect(print.language).toBe('km');
		expect(print.pages.map((page) => page.side)).toEqual(['front', 'back']);
		expect(print.count).toBe(10);
	});

	it('follows the teacher’s choices', () => {
		const print = new CardPrint(fixtureCards(), 'en');
		print.chosen = ['help'];
		print.copies = 25;
		print.fill = false;
		expect(print.count).toBe(25);
		expect(print.pages).toHaveLength(6);
		expect(new Set(print.pages.flatMap((page) => page.cards.map((card) => card.id)))).toEqual(
			new Set(['help'])
		);
		print.chosen = [];
		expect(print.pages).toEqual([]);
	});

	it('takes a bilingual card’s front from the Khmer file and its back from the English one', () => {
		const print = new CardPrint(fixtureCards(), 'bilingual');
		expect(print.cardOn('front', 'help')).toMatchObject({ locale: 'km', title: 'ហៅទៅអ្នកណា' });
		expect(print.cardOn('back', 'help')).toMatchObject({ locale: 'en', title: 'Who to call' });
	});
});

describe('what the print page warns about', () => {
	it('names the cards that would print in English for want of a Khmer text', () => {
		const print = new CardPrint(fixtureCards('content/km/cards/help.md'), 'km');
		expect(print.untranslated.map((card) => card.id)).toEqual(['help']);
		print.language = 'en';
		expect(print.untranslated).toEqual([]);
		print.language = 'bilingual';
		expect(print.untranslated.map((card) => card.id)).toEqual(['help']);
	});

	it('says when the Khmer text to print is a draft, and only then', () => {
		const print = new CardPrint(fixtureCards(), 'en');
		expect(print.drafts).toBe(false);
		print.language = 'bilingual';
		expect(print.drafts).toBe(true);
	});

	it('lists each side that does not fit, in the language it prints in, until it fits', () => {
		const print = new CardPrint(fixtureCards(), 'km');
		const khmer = print.cardOn('front', 'too-long')!;
		print.reportFit(khmer, 'front', 40);
		print.reportFit(khmer, 'front', 40);
		expect(print.tooLong).toEqual([{ card: khmer, side: 'front' }]);

		print.language = 'en';
		expect(print.tooLong).toEqual([]);
		print.language = 'km';
		print.chosen = ['help'];
		expect(print.tooLong).toEqual([]);
		print.chosen = ['help', 'too-long'];
		print.reportFit(khmer, 'front', 0);
		expect(print.tooLong).toEqual([]);
	});
});
