/**
 * Moving through a lesson's slides: which key does what, and where each move leads.
 * The keys are those a keyboard and a presentation clicker send (clickers send
 * PageDown/PageUp, some send "." or B for a black screen).
 */

export interface DeckState {
	index: number;
	blank: boolean;
}

export type DeckMove = 'next' | 'previous' | 'first' | 'last' | 'blank';
export type DeckCommand = DeckMove | 'fullscreen' | 'presenter' | 'timer' | 'exit';

const keys: Record<string, DeckCommand> = {
	ArrowRight: 'next',
	ArrowDown: 'next',
	PageDown: 'next',
	' ': 'next',
	ArrowLeft: 'previous',
	ArrowUp: 'previous',
	PageUp: 'previous',
	Home: 'first',
	End: 'last',
	b: 'blank',
	B: 'blank',
	'.': 'blank',
	f: 'fullscreen',
	F: 'fullscreen',
	p: 'presenter',
	P: 'presenter',
	t: 'timer',
	T: 'timer',
	Escape: 'exit'
};

export function commandForKey(
	event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>
): DeckCommand | undefined {
	if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
	return keys[event.key];
}

export function clampIndex(index: number, count: number): number {
	return Math.min(Math.max(Math.trunc(index), 0), Math.max(count - 1, 0));
}

/**
 * The state after a move. While the screen is black, "next" and "previous" only bring the
 * slide back, so the class sees again what it saw before, as in other presentation tools.
 */
export function move(state: DeckState, action: DeckMove, count: number): DeckState {
	if (action === 'blank') return { ...state, blank: !state.blank };
	if (state.blank && (action === 'next' || action === 'previous')) {
		return { ...state, blank: false };
	}
	const target = {
		next: state.index + 1,
		previous: state.index - 1,
		first: 0,
		last: count - 1
	}[action];
	return { index: clampIndex(target, count), blank: false };
}

/** `#3` in the address is slide 3 (index 2), so a reload comes back to the same slide. */
export function indexFromHash(hash: string, count: number): number {
	const number = Number.parseInt(hash.replace(/^#/, ''), 10);
	return Number.isFinite(number) ? clampIndex(number - 1, count) : 0;
}
