/**
 * Class mode's type: large for the back of the room, from the window's size, then smaller,
 * a step at a time, until the passage and every choice fit above the controls.
 */
import { TOLERANCE } from '$lib/cards/fit';

/** The size class mode starts from; the stage's style gives the same, in CSS. */
export function classFontBase(width: number, height: number): number {
	return Math.round(Math.min(44, Math.max(24, 0.022 * width + 0.005 * height)));
}

/** The least size of a passage with choices (an ending keeps a larger one and scrolls). */
export const CLASS_MIN_FONT = 18;

/**
 * The same fitting, as a script the prerendered page runs at the end of the stage (its
 * parent; it shows the stage, hidden until then) and again once its fonts are in, so that its first passage is drawn at the size the
 * app will give it.
 */
export const fitClassScript =
	'<script>(function(s){var t=s.querySelector(".passage");if(!t)return;' +
	`function o(){return Math.max(t.scrollHeight-t.clientHeight,t.scrollWidth-t.clientWidth)>${TOLERANCE}}` +
	// An ending (focusable, it may scroll) is left to the app, which has taken over by then.
	'function f(){if(t.tabIndex===0)return;var b=Math.round(Math.min(44,Math.max(24,.022*innerWidth+.005*innerHeight)));' +
	`s.style.fontSize="";if(!o())return;for(var z=b-2;z>${CLASS_MIN_FONT};z-=2){` +
	`s.style.fontSize=z+"px";if(!o())return}s.style.fontSize="${CLASS_MIN_FONT}px"}` +
	// Again once the fonts are in, as the app does: text measured in a fallback font differs.
	'f();s.removeAttribute("data-fitting");if(document.fonts)document.fonts.ready.then(f)' +
	'})(document.currentScript.parentElement)' +
	'</script>';
