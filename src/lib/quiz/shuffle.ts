/**
 * Option order from a seed. Each attempt records one random seed; every question's order
 * is derived from it and the question id, so a resumed attempt (after a reload, in another
 * tab) shows the options exactly as the student first saw them.
 */
import type { Question } from './types';

/** A 32-bit hash of a string (FNV-1a), to give each question its own stream. */
function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** mulberry32: small, fast and good enough to shuffle a handful of options. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = [copy[other]!, copy[index]!];
	}
	return copy;
}

/**
 * The option keys in the order this attempt shows them. True/false is shuffled like the
 * rest: always showing True first is a cue a guessing student learns. An order question
 * never starts already solved.
 */
export function presentedOrder(question: Question, seed: number): string[] {
	const keys = question.options.map((option) => option.key);
	const order = shuffled(keys, seededRandom(seed ^ hashString(question.id)));
	if (question.type === 'order' && order.every((key, index) => key === question.correct[index])) {
		order.push(order.shift()!);
	}
	return order;
}

/** A fresh seed for a new attempt. */
export function newSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
