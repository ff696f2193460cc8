/**
 * Shrinks a slide's text, a step at a time, until it fits its box, but never below the
 * smallest size the back of a classroom can read: what still runs past the box then is
 * reported (the slide must be shortened), never scrolled.
 */
import { overflowOf } from '$lib/cards/fit';

export interface Fitted {
	/** The font size used, in the box's own pixels. */
	size: number;
	/** How far the text still runs past the box at that size; 0 when it fits. */
	overflow: number;
}

/** Tries each size in `sizes`, largest first; each try is one layout of the box. */
export function fitText(box: HTMLElement, sizes: readonly number[]): Fitted {
	let fitted: Fitted = { size: sizes[0] ?? 0, overflow: 0 };
	for (const size of sizes) {
		box.style.fontSize = `${size}px`;
		fitted = { size, overflow: overflowOf(box) };
		if (fitted.overflow === 0) break;
	}
	box.dataset.font = String(fitted.size);
	if (fitted.overflow > 0) box.dataset.overflow = String(fitted.overflow);
	else delete box.dataset.overflow;
	return fitted;
}
