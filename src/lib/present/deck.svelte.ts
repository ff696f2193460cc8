/**
 * One window's view of the deck. Local moves are published to the other window;
 * states received from it are applied without being sent back.
 */
import { move, type DeckMove, type DeckState } from './deck';
import { openDeckChannel, type DeckChannel } from './sync';

export class Deck {
	index = $state(0);
	blank = $state(false);
	readonly count: number;
	#channel: DeckChannel | undefined;

	constructor(count: number, start = 0) {
		this.count = count;
		this.index = start;
	}

	get state(): DeckState {
		return { index: this.index, blank: this.blank };
	}

	/** Joins the lesson's channel and asks the other window, if open, where it is. */
	connect(lessonId: string): () => void {
		this.#channel = openDeckChannel(lessonId, {
			onState: (state) => this.#set(state),
			onAsk: () => this.#channel?.publish(this.state)
		});
		this.#channel.ask();
		return () => this.#channel?.close();
	}

	apply(action: DeckMove): void {
		this.#set(move(this.state, action, this.count));
		this.#channel?.publish(this.state);
	}

	#set(state: DeckState): void {
		this.index = Math.min(Math.max(state.index, 0), this.count - 1);
		this.blank = state.blank;
	}
}
