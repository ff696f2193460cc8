/**
 * Does a card side's text fit its box? A side is a box of fixed size in millimetres that
 * hides what runs past it, so text that is too long would be cut without a word. This
 * measures it in the browser, with the fonts the card is printed with, and measures again
 * whenever the text or the fonts change. All the sides waiting to be measured are measured
 * together, in one pass after the page has drawn them: every size is read before anything
 * is told, so a sheet of 20 sides costs one layout, not 20.
 */
import type { Attachment } from 'svelte/attachments';

/** Rounding in the browser's layout, in CSS pixels, that is not overflowing text. */
export const TOLERANCE = 1;

/** How far the text runs past the box, in CSS pixels; 0 when it all fits. */
export function overflowOf(box: Element): number {
	const down = box.scrollHeight - box.clientHeight;
	const across = box.scrollWidth - box.clientWidth;
	const over = Math.max(down, across);
	return over > TOLERANCE ? over : 0;
}

type Report = (overflow: number) => void;

const waiting = new Map<Element, Report>();
let scheduled = false;

/** Measures every waiting box (reads only), then tells each its result. */
export function measureWaiting(): void {
	scheduled = false;
	const boxes = [...waiting];
	waiting.clear();
	const measured = boxes.map(
		([box, report]) => [report, box.isConnected ? overflowOf(box) : 0] as const
	);
	for (const [report, overflow] of measured) report(overflow);
}

function measureSoon(box: Element, report: Report): void {
	waiting.set(box, report);
	if (scheduled) return;
	scheduled = true;
	// After the components being drawn now have all been drawn: one pass for all of them.
	queueMicrotask(measureWaiting);
}

/** Tells `report` how far the box's text overflows, now and after every change. */
export function watchFit(report: Report): Attachment<HTMLElement> {
	return (box) => {
		const check = () => measureSoon(box, report);
		// The box keeps its size; what changes is the size of the text inside it.
		const sizes = new ResizeObserver(check);
		const observeChildren = () => {
			for (const child of box.children) sizes.observe(child);
		};
		const changes = new MutationObserver(() => {
			observeChildren();
			check();
		});
		observeChildren();
		changes.observe(box, { childList: true, subtree: true, characterData: true });
		let live = true;
		void document.fonts.ready.then(() => {
			if (live) check();
		});
		check();
		return () => {
			live = false;
			waiting.delete(box);
			sizes.disconnect();
			changes.disconnect();
		};
	};
}
