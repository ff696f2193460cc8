/**
 * The print page's state: what the teacher asks for, the pages that makes, and what to
 * warn about before printing. It lives only in the page (nothing is sent or stored), so
 * the prerendered page works the same offline.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Card, CardSideName } from '$lib/content/card';
import type { Locale } from '$lib/content/types';
import {
	localeOfSide,
	planPrint,
	type Paper,
	type PrintLanguage,
	type Stock
} from './print-layout';

export interface TooLong {
	card: Card;
	side: CardSideName;
}

const sides = ['front', 'back'] as const;

export class CardPrint {
	/** Ids of the cards to print. */
	chosen = $state<string[]>([]);
	copies = $state(1);
	fill = $state(true);
	language = $state<PrintLanguage>('en');
	paper = $state<Paper>('a4');
	stock = $state<Stock>('plain');
	cropMarks = $state(true);
	/** Lines along the cuts inside the sheet too, not only marks in its margins. */
	cutGuides = $state(false);

	// Set once, by the constructor; the derived values below are read only after it.
	#order: Card[] = [];
	#cards: Record<Locale, Partial<Record<string, Card>>> = { en: {}, km: {} };
	/** How far each side's text runs past its card, by `locale/id/side`, as measured. */
	readonly #overflow = new SvelteMap<string, number>();

	/** `cards` in both languages; the Khmer list holds English cards marked as fallbacks. */
	constructor(cards: Record<Locale, Card[]>, language: PrintLanguage) {
		this.#order = cards.en;
		const byId = (list: Card[]) => Object.fromEntries(list.map((card) => [card.id, card]));
		this.#cards = { en: byId(cards.en), km: byId(cards.km) };
		this.chosen = cards.en.map((card) => card.id);
		this.language = language;
	}

	/** Every page, fronts and backs, in printing order. */
	pages = $derived(
		planPrint({
			cards: this.#order.filter((card) => this.chosen.includes(card.id)),
			copies: this.copies,
			fill: this.fill,
			paper: this.paper,
			stock: this.stock
		})
	);

	/** How many cards the sheets hold in all. */
	count = $derived(
		this.pages
			.filter((page) => page.side === 'front')
			.reduce((sum, page) => sum + page.cards.length, 0)
	);

	/** The card that prints on this side, in the language chosen for it. */
	cardOn(side: CardSideName, id: string): Card | undefined {
		return Object.hasOwn(this.#cards.en, id)
			? this.#cards[localeOfSide(this.language, side)][id]
			: undefined;
	}

	#chosenOn(side: CardSideName): Card[] {
		return this.chosen.flatMap((id) => this.cardOn(side, id) ?? []);
	}

	/** Cards that would print in English where Khmer was asked for. */
	untranslated = $derived(
		sides
			.flatMap((side) => this.#chosenOn(side))
			.filter((card, index, all) => card.fallback && all.indexOf(card) === index)
	);

	/** Whether any Khmer text to print is a draft not yet reviewed. */
	drafts = $derived(
		sides.some((side) => this.#chosenOn(side).some((card) => card.translation === 'draft'))
	);

	/** The chosen sides whose text does not fit, as measured on the sheets. */
	tooLong = $derived(
		this.chosen.flatMap((id) =>
			sides.flatMap((side): TooLong[] => {
				const card = this.cardOn(side, id);
				return card && this.#overflow.get(key(card, side)) ? [{ card, side }] : [];
			})
		)
	);

	/** Called by each printed side with how far its text overflows (0 when it fits). */
	reportFit(card: Card, side: CardSideName, overflow: number): void {
		if (overflow > 0) this.#overflow.set(key(card, side), overflow);
		else this.#overflow.delete(key(card, side));
	}
}

const key = (card: Card, side: CardSideName) => `${card.locale}/${card.id}/${side}`;
