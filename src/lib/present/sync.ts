/**
 * Keeps the projected window and the presenter window on the same slide, both ways,
 * through a BroadcastChannel (same device, no network). A window that opens asks for
 * the current state; whichever window moves tells the other.
 */
import type { DeckState } from './deck';

type Message = { type: 'state'; state: DeckState } | { type: 'ask' };

export interface DeckChannel {
	publish(state: DeckState): void;
	ask(): void;
	close(): void;
}

function isDeckState(value: unknown): value is DeckState {
	const state = value as DeckState | null;
	return (
		typeof state === 'object' &&
		state !== null &&
		Number.isInteger(state.index) &&
		typeof state.blank === 'boolean'
	);
}

export function openDeckChannel(
	lessonId: string,
	handlers: { onState(state: DeckState): void; onAsk(): void }
): DeckChannel {
	if (typeof BroadcastChannel === 'undefined') {
		return { publish() {}, ask() {}, close() {} };
	}
	const channel = new BroadcastChannel(`smc-present:${lessonId}`);
	channel.onmessage = (event: MessageEvent<Message>) => {
		const message = event.data;
		if (message?.type === 'state' && isDeckState(message.state)) handlers.onState(message.state);
		else if (message?.type === 'ask') handlers.onAsk();
	};
	return {
		publish: (state) => channel.postMessage({ type: 'state', state } satisfies Message),
		ask: () => channel.postMessage({ type: 'ask' } satisfies Message),
		close: () => channel.close()
	};
}
