/**
 * One reader's (or one class's) way through a story, for the player and class pages.
 * The rules live in engine.ts; this class only holds the playthrough as state and tells
 * the page when the address names a passage the story does not have. The player page also
 * keeps where this tablet left each story (a position, nothing about the reader), so that
 * reopening it comes back there.
 */
import {
	availableChoices,
	back,
	begin,
	canGoBack,
	choose,
	current,
	fromHash,
	pathOf,
	toHash,
	type Playthrough
} from './engine';
import type { Choice, Passage, Story } from './types';

export interface ShownChoice {
	/** Index among all the passage's choices, as the engine and the address use it. */
	index: number;
	choice: Choice;
}

export class StoryPlayer {
	play: Playthrough = $state.raw({ steps: [] });
	/** The passage an address asked for that this story does not have, if any. */
	unknownPassage: string | null = $state(null);
	readonly story: Story;

	constructor(story: Story) {
		this.story = story;
		this.play = begin(story);
	}

	get passage(): Passage {
		const id = current(this.play).passage;
		return this.story.passages.find((passage) => passage.id === id)!;
	}

	get choices(): ShownChoice[] {
		const passage = this.passage;
		return availableChoices(this.story, this.play).map((index) => ({
			index,
			choice: passage.choices[index]!
		}));
	}

	get canGoBack(): boolean {
		return canGoBack(this.play);
	}

	get steps(): number {
		return this.play.steps.length;
	}

	get path(): string[] {
		return pathOf(this.play);
	}

	get hash(): string {
		return toHash(this.story, this.play);
	}

	/** The address of every step so far, the first one first and this one last. */
	get hashes(): string[] {
		return this.play.steps.map((_, index) =>
			toHash(this.story, { steps: this.play.steps.slice(0, index + 1) })
		);
	}

	choose(index: number): void {
		this.play = choose(this.story, this.play, index);
	}

	back(): void {
		this.play = back(this.play);
	}

	restart(): void {
		this.unknownPassage = null;
		this.play = begin(this.story);
	}

	/** Puts the reader where the address says; an unknown passage is reported, not guessed. */
	openHash(hash: string): void {
		const result = fromHash(this.story, hash);
		if (result.kind === 'unknown-passage') {
			this.unknownPassage = result.passage;
			this.play = begin(this.story);
		} else {
			this.unknownPassage = null;
			this.play = result.play;
		}
	}

	/**
	 * Goes back to a position saved earlier, if the story still has that passage and it is
	 * past the start; otherwise stays where it is. Says whether it moved.
	 */
	resume(hash: string): boolean {
		const result = fromHash(this.story, hash);
		if (result.kind !== 'play') return false;
		const [first, ...rest] = result.play.steps;
		if (rest.length === 0 && first!.passage === this.story.start) return false;
		this.unknownPassage = null;
		this.play = result.play;
		return true;
	}
}

const positionKey = (storyId: string) => `smc.story.${storyId}`;

function safeStorage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // storage disabled (private mode): the story starts again next time
	}
}

/** Where this tablet left a story, as an address fragment, or null. */
export function readPosition(storyId: string, storage = safeStorage()): string | null {
	try {
		const saved = storage?.getItem(positionKey(storyId)) ?? null;
		return saved !== null && saved.startsWith('#p=') ? saved : null;
	} catch {
		return null;
	}
}

export function savePosition(storyId: string, hash: string, storage = safeStorage()): void {
	try {
		storage?.setItem(positionKey(storyId), hash);
	} catch {
		// Full or disabled storage: the story only starts again next time.
	}
}
