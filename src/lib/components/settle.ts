/**
 * One tap, one action. A double tap on a button that moves to a new screen must not land its
 * second tap on whatever the new screen has in that place (a student's "Next question" twice
 * would submit the next question untouched). A screen therefore ignores taps for a short
 * settle time after it appears, and after that only takes a tap whose finger went down on it.
 * Keys and assistive technology (clicks with no pointer behind them) are never held back.
 *
 *   <div {@attach settle(screen.kind)}>…</div>   settles again each time screen.kind changes
 */
import type { Attachment } from 'svelte/attachments';

/**
 * Longer than the gap between the taps of a double tap (30–150 ms, Android counts up to
 * 300 ms as one), shorter than anyone takes to read a new screen and choose on it.
 */
export const SETTLE_MS = 300;

/**
 * Makes `screen` ignore taps for `ms` milliseconds, then any tap that began before it did.
 * While settling, the screen does not take pointer events at all (a tap goes to what is
 * under it), so the browser, and a test driving it, sees the controls as not yet tappable.
 * Returns the function that undoes it.
 */
export function holdTaps(screen: HTMLElement, ms = SETTLE_MS): () => void {
	let settled = false;
	let pressedHere = false;
	const before = screen.style.pointerEvents;
	screen.style.pointerEvents = 'none';
	screen.dataset.settling = '';
	const timer = setTimeout(() => {
		settled = true;
		screen.style.pointerEvents = before;
		delete screen.dataset.settling;
	}, ms);

	const onpointerdown = () => {
		if (settled) pressedHere = true;
	};
	const onclick = (event: MouseEvent) => {
		// `detail` counts the presses behind a click: 0 for Enter, Space and scripted clicks.
		if (event.detail === 0 || pressedHere) return;
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	screen.addEventListener('pointerdown', onpointerdown, true);
	screen.addEventListener('click', onclick, true);

	return () => {
		clearTimeout(timer);
		screen.removeEventListener('pointerdown', onpointerdown, true);
		screen.removeEventListener('click', onclick, true);
		screen.style.pointerEvents = before;
		delete screen.dataset.settling;
	};
}

/**
 * `holdTaps` as an attachment. `key` is whatever names the screen shown (a question's
 * index, `screen.kind`, a story's position): when it changes, the screen settles again.
 */
export function settle(key?: unknown, ms = SETTLE_MS): Attachment<HTMLElement> {
	return (screen) => holdTaps(screen, ms);
}
