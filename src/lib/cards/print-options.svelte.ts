/**
 * What the teacher asks the print page for. It lives only in the page (nothing is sent
 * or stored), so the prerendered page works the same offline.
 */
import type { Paper, PrintLanguage } from './print-layout';

export class PrintOptions {
	/** Ids of the cards to print. */
	chosen = $state<string[]>([]);
	copies = $state(1);
	fill = $state(true);
	language = $state<PrintLanguage>('en');
	paper = $state<Paper>('a4');
	cropMarks = $state(true);

	constructor(cardIds: string[], language: PrintLanguage) {
		this.chosen = cardIds;
		this.language = language;
	}
}
