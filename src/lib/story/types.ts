/**
 * The shape of a compiled story, as pages and the engine receive it. The Markdown is gone
 * by then: passages carry HTML rendered at build time, and conditions and effects are
 * already parsed into the small rule language below.
 */
import type { ContentMeta } from '../content/types';

export type EndingKind = 'safe' | 'unsafe' | 'mixed';

/** Named flags (true/false) and counters (whole numbers), with their values now. */
export type StoryState = Record<string, boolean | number>;

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One test in a choice's `if:` line; a choice is shown when all of its tests hold. */
export type Test =
	| { name: string; kind: 'flag'; value: boolean }
	| { name: string; kind: 'counter'; compare: Comparison; value: number };

/** One change in a choice's `set:` line. */
export type Effect =
	| { name: string; kind: 'flag'; value: boolean }
	| { name: string; kind: 'counter'; change: 'add' | 'set'; value: number };

export interface Choice {
	/** The choice's words, as inline HTML. */
	label: string;
	target: string;
	/** Shown only when every test holds; empty means always shown. */
	when: Test[];
	effects: Effect[];
	/** Line in the source file, for messages to authors. */
	line: number;
}

export interface Ending {
	kind: EndingKind;
	debriefHtml: string;
	/** Ids from content/key-messages.yml. */
	messages: string[];
	/** Ids from content/contacts.yml. */
	help: string[];
}

export interface Passage {
	id: string;
	title: string;
	html: string;
	choices: Choice[];
	ending: Ending | null;
	line: number;
}

export interface Story extends ContentMeta {
	summary: string;
	/** Where the story comes from and what it is for, as HTML; shown before the first passage. */
	introHtml: string;
	start: string;
	/** Every flag and counter the story uses, with its value at the start. */
	state: StoryState;
	passages: Passage[];
}

/** What the graph checks and the engine need of a story: no text, only its structure. */
export type StoryGraph = Pick<Story, 'start' | 'state'> & {
	passages: (Pick<Passage, 'id' | 'line'> & {
		choices: Pick<Choice, 'target' | 'when' | 'effects' | 'line'>[];
		ending: Pick<Ending, 'kind'> | null;
	})[];
};

/** A story as the list of stories shows it. */
export type StorySummary = Pick<
	Story,
	'id' | 'title' | 'summary' | 'locale' | 'fallback' | 'translation'
> & { passages: number; endings: number };

/** What a story's pages show at an ending, already in the page's language. */
export interface StoryHelp {
	messages: { id: string; text: string }[];
	contacts: { id: string; number: string; name: string; when: string }[];
}

/** A story as its map needs it: titles, choices and kinds of ending, without the text. */
export type StoryOutline = Pick<
	Story,
	'id' | 'title' | 'locale' | 'fallback' | 'translation' | 'start' | 'state'
> & {
	passages: (Pick<Passage, 'id' | 'title'> & {
		choices: Pick<Choice, 'label' | 'target' | 'when' | 'effects'>[];
		ending: Pick<Ending, 'kind'> | null;
	})[];
};
