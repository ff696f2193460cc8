/**
 * Playing a story: where the reader is, which choices they can take now, and every step
 * before, each with the state it had, so "back" undoes a choice together with what it set.
 * A playthrough is an immutable value; each move returns a new one.
 */
import { allHold, applyEffects } from './rules';
import type { Choice, Ending, StoryGraph, StoryState } from './types';

export interface Step {
	passage: string;
	state: StoryState;
	/** Index, among the previous passage's choices, of the choice that led here. */
	via: number | null;
}

export interface Playthrough {
	steps: readonly Step[];
}

/** What playing needs of a story: its links and rules, not its text. */
type Graph = Pick<StoryGraph, 'start' | 'state'> & {
	passages: readonly {
		id: string;
		choices: Pick<Choice, 'target' | 'when' | 'effects'>[];
		ending: Pick<Ending, 'kind'> | null;
	}[];
};
type GraphPassage = Graph['passages'][number];

export class StoryMoveError extends Error {
	override name = 'StoryMoveError';
}

function passageOf(story: Graph, id: string): GraphPassage {
	const passage = story.passages.find((candidate) => candidate.id === id);
	if (!passage) throw new StoryMoveError(`The story has no passage "${id}"`);
	return passage;
}

export function hasPassage(story: Graph, id: string): boolean {
	return story.passages.some((passage) => passage.id === id);
}

/** A new playthrough at the start, or at `at` (a passage opened from a link), with the first state. */
export function begin(story: Graph, at: string = story.start): Playthrough {
	passageOf(story, at);
	return { steps: [{ passage: at, state: { ...story.state }, via: null }] };
}

export function current(play: Playthrough): Step {
	return play.steps.at(-1)!;
}

/** The choices shown now, with their index among all the passage's choices. */
export function availableChoices(story: Graph, play: Playthrough): number[] {
	const step = current(play);
	const passage = passageOf(story, step.passage);
	return passage.choices.flatMap((choice, index) =>
		allHold(choice.when, step.state) ? [index] : []
	);
}

export function choose(story: Graph, play: Playthrough, index: number): Playthrough {
	const step = current(play);
	const choice = passageOf(story, step.passage).choices[index];
	if (!choice || !allHold(choice.when, step.state)) {
		throw new StoryMoveError(`Choice ${index + 1} cannot be taken in "${step.passage}" now`);
	}
	passageOf(story, choice.target);
	return {
		steps: [
			...play.steps,
			{ passage: choice.target, state: applyEffects(choice.effects, step.state), via: index }
		]
	};
}

/** One step back, with the state as it was there. At the first passage, nothing changes. */
export function back(play: Playthrough): Playthrough {
	return play.steps.length > 1 ? { steps: play.steps.slice(0, -1) } : play;
}

export function restart(story: Graph): Playthrough {
	return begin(story);
}

export function canGoBack(play: Playthrough): boolean {
	return play.steps.length > 1;
}

export function endingOf(story: Graph, play: Playthrough): GraphPassage['ending'] {
	return passageOf(story, current(play).passage).ending;
}

/** The passages visited, in order, the current one last. */
export function pathOf(play: Playthrough): string[] {
	return play.steps.map((step) => step.passage);
}

/** The choices taken, in order, as indexes: enough to replay the playthrough. */
export function choicesOf(play: Playthrough): number[] {
	return play.steps.slice(1).map((step) => step.via!);
}

/** The playthrough that taking these choices from `from` gives, or null if one cannot be taken. */
export function replay(
	story: Graph,
	choices: readonly number[],
	from = story.start
): Playthrough | null {
	if (!hasPassage(story, from)) return null;
	let play = begin(story, from);
	for (const index of choices) {
		try {
			play = choose(story, play, index);
		} catch {
			return null;
		}
	}
	return play;
}

/**
 * The address fragment that holds a playthrough: `#p=ticket-office&c=0.2`, the current
 * passage and the choices taken from the start (or from `from=`, for one opened mid-story), so a reload or a link comes back to the
 * same place with the same state.
 */
export function toHash(story: Graph, play: Playthrough): string {
	const choices = choicesOf(play);
	const from = play.steps[0]!.passage;
	const parts = [`p=${encodeURIComponent(current(play).passage)}`];
	if (choices.length > 0) parts.push(`c=${choices.join('.')}`);
	if (from !== story.start) parts.push(`from=${encodeURIComponent(from)}`);
	return `#${parts.join('&')}`;
}

export type HashResult =
	{ kind: 'play'; play: Playthrough } | { kind: 'unknown-passage'; passage: string };

/**
 * Reads an address fragment. The choices are replayed from `from` (the start if absent); if
 * they do not lead to the passage named (an old or edited link), the reader is put at that
 * passage with the state of the start. An unknown passage is reported, not guessed at.
 */
export function fromHash(story: Graph, hash: string): HashResult {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const passage = params.get('p');
	const from = params.get('from') ?? story.start;
	if (passage === null || passage === '') return { kind: 'play', play: begin(story) };
	if (!hasPassage(story, passage)) return { kind: 'unknown-passage', passage };
	const choices = (params.get('c') ?? '')
		.split('.')
		.filter((part) => part !== '')
		.map(Number);
	if (choices.every((index) => Number.isInteger(index) && index >= 0)) {
		const replayed = replay(story, choices, from);
		if (replayed && current(replayed).passage === passage) return { kind: 'play', play: replayed };
	}
	return { kind: 'play', play: begin(story, passage) };
}
