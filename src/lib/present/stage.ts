/**
 * The projector's stage: every slide is laid out on a stage of fixed logical size and the
 * whole stage is scaled to the screen, as reveal.js does, so that a slide that fits once
 * fits on every projector, full screen or in a window, and the page never scrolls.
 * The stage is always 768 logical pixels high; its width follows the screen's shape from
 * 4:3 (1024) to 16:9 (1366), so wide screens get wider lines rather than smaller type.
 */

export const STAGE_HEIGHT = 768;
export const MIN_STAGE_WIDTH = 1024;
export const MAX_STAGE_WIDTH = 1366;

/** The slide text's size on the stage, and the least it may shrink to before it is cut. */
export const BASE_FONT = 40;
export const MIN_FONT = 32;

export interface StageSize {
	/** Logical size, in the stage's own pixels. */
	width: number;
	height: number;
	/** Screen pixels per logical pixel. */
	scale: number;
}

export function stageSize(screenWidth: number, screenHeight: number): StageSize {
	if (!(screenWidth > 0 && screenHeight > 0)) {
		return { width: MIN_STAGE_WIDTH, height: STAGE_HEIGHT, scale: 1 };
	}
	const shaped = (screenWidth / screenHeight) * STAGE_HEIGHT;
	const width = Math.round(Math.min(MAX_STAGE_WIDTH, Math.max(MIN_STAGE_WIDTH, shaped)));
	const scale = Math.min(screenWidth / width, screenHeight / STAGE_HEIGHT);
	return { width, height: STAGE_HEIGHT, scale };
}

/**
 * The same placement, as a script the prerendered page runs at the top of the stage's frame
 * (its parent), before the slide is parsed, and again once the page and its fonts are in:
 * the first screen is drawn at its size before the app's scripts have loaded, and taking over
 * moves nothing. It sets the frame's variables that the stage's style reads, as the
 * component does.
 */
export const placeStageScript =
	'<script>(function(f){function p(){var w=f.clientWidth,h=f.clientHeight;if(!(w>0&&h>0))return;' +
	`var W=Math.round(Math.min(${MAX_STAGE_WIDTH},Math.max(${MIN_STAGE_WIDTH},w/h*${STAGE_HEIGHT}))),` +
	`k=Math.min(w/W,h/${STAGE_HEIGHT}),v=function(n,x){f.style.setProperty("--stage-"+n,x)};` +
	`v("width",W+"px");v("left",(w-W*k)/2+"px");v("top",(h-${STAGE_HEIGHT}*k)/2+"px");` +
	'v("transform","scale("+k+")")}' +
	// Again once the page and its fonts are in: what comes after the frame can change its size.
	'p();addEventListener("DOMContentLoaded",p);if(document.fonts)document.fonts.ready.then(p)' +
	'})(document.currentScript.parentElement)</script>';

/** The font sizes tried, largest first, when a slide's text is too long for the stage. */
export function fontSteps(base = BASE_FONT, min = MIN_FONT, step = 2): number[] {
	const steps: number[] = [];
	for (let size = base; size >= min; size -= step) steps.push(size);
	if (steps.at(-1) !== min) steps.push(min);
	return steps;
}
