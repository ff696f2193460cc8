/**
 * Branching stories: front matter, an optional introduction, then passages, each opened by
 * a `## passage-id: Title` line. A passage ends with its choices (`- Words → passage-id`,
 * optionally followed by `if:` and `set:` lines) or is an ending (`Ending: safe|unsafe|mixed`,
 * `Debrief:`, `Messages:`, `Help:`; every ending, of every kind, shows help). The graph
 * checks are in `$lib/story/graph.ts`.
 */
import { z } from 'zod';
import { checkGraph } from '../story/graph';
import type {
	Choice,
	Comparison,
	Effect,
	Ending,
	EndingKind,
	Passage,
	Story,
	StoryState,
	Test
} from '../story/types';
import type { FieldHints } from './front-matter';
import { sourceEntry, type CompileContext, type ContentKind } from './kinds';
import { renderBlock, renderInline } from './markdown';
import { closest } from './problems';

const STATE_NAME = /^[a-z][a-z0-9_]*$/;

export const storyFields = z.strictObject({
	id: z.string(),
	title: z.string().trim().min(1),
	summary: z.string().trim().min(1),
	start: z.string().trim().min(1),
	state: z
		.record(
			z.string().regex(STATE_NAME, 'name flags and counters with lower-case letters, digits and "_"'),
			z.union([z.boolean(), z.number().int().min(-1_000_000).max(1_000_000)])
		)
		.optional(),
	sources: z.array(sourceEntry).min(1),
	translation: z.enum(['original', 'draft', 'reviewed']).optional()
});

export const storyHints: FieldHints = {
	id: 'id: saray',
	title: 'title: "Saray\'s journey"',
	summary: 'summary: "One sentence for the list of stories."',
	start: 'start: village (the id of the first passage)',
	state:
		'state: then one "kept_id_card: false" (a flag) or "debt: 0" (a counter) line per name',
	sources: 'sources: then a "- care-smart: six key messages" line per source',
	translation: 'translation: draft'
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PASSAGE = /^##\s+(.*?)\s*$/;
const OTHER_HEADING = /^(#|#{3,6})\s/;
const CHOICE = /^[-*+]\s+(.*?)\s*(?:→|->)\s*(\S*)\s*$/;
const LIST_ITEM = /^[-*+]\s+/;
const CHOICE_RULE = /^\s*(if|set):\s*(.*?)\s*$/;
const ENDING = /^Ending:\s*(.*?)\s*$/;
const DEBRIEF = /^Debrief:\s*(.*?)\s*$/;
const MESSAGES = /^Messages:\s*(.*?)\s*$/;
const HELP = /^Help:\s*(.*?)\s*$/;
const FENCE = /^\s*(```|~~~)/;

const endingKinds: readonly EndingKind[] = ['safe', 'unsafe', 'mixed'];

interface Report {
	error(line: number, message: string, fix: string): void;
	links(line: number, links: string[]): void;
}

/** Reads `if:` and `set:` lines against the story's declared flags and counters. */
class RuleReader {
	constructor(
		private readonly state: StoryState,
		private readonly report: Report
	) {}

	private known(name: string, line: number, expected: 'flag' | 'counter'): boolean {
		if (!(name in this.state)) {
			const guess = closest(name, Object.keys(this.state));
			this.report.error(
				line,
				`"${name}" is not a flag or counter of this story`,
				`${guess ? `did you mean "${guess}"? Or ` : ''}declare it in the front matter under "state:" ("${name}: false" for a flag, "${name}: 0" for a counter)`
			);
			return false;
		}
		const actual = typeof this.state[name] === 'boolean' ? 'flag' : 'counter';
		if (actual !== expected) {
			this.report.error(
				line,
				`"${name}" is a ${actual}, not a ${expected}`,
				actual === 'flag'
					? `write "${name}" (on) or "not ${name}" (off)`
					: `use a number with it, like "${name} > 0" in "if:" or "${name} + 1" in "set:"`
			);
			return false;
		}
		return true;
	}

	tests(text: string, line: number): Test[] | undefined {
		const tests: Test[] = [];
		for (const part of text.split(/\s+and\s+/)) {
			const flag = /^(not\s+)?([a-z][a-z0-9_]*)$/.exec(part.trim());
			const compare = /^([a-z][a-z0-9_]*)\s*(==|=|!=|<=|>=|<|>)\s*(-?\d+)$/.exec(part.trim());
			if (flag) {
				if (!this.known(flag[2]!, line, 'flag')) return undefined;
				tests.push({ name: flag[2]!, kind: 'flag', value: !flag[1] });
			} else if (compare) {
				if (!this.known(compare[1]!, line, 'counter')) return undefined;
				const sign = compare[2] === '==' ? '=' : (compare[2] as Comparison);
				tests.push({ name: compare[1]!, kind: 'counter', compare: sign, value: Number(compare[3]) });
			} else {
				this.report.error(
					line,
					`the condition "${part.trim()}" cannot be read`,
					'write a flag ("kept_id_card", "not kept_id_card") or a counter and a number ("debt > 100"), joined by "and"'
				);
				return undefined;
			}
		}
		return tests;
	}

	effects(text: string, line: number): Effect[] | undefined {
		const effects: Effect[] = [];
		for (const part of text.split(',')) {
			const flag = /^(not\s+)?([a-z][a-z0-9_]*)$/.exec(part.trim());
			const change = /^([a-z][a-z0-9_]*)\s*([+=-])\s*(\d+)$/.exec(part.trim());
			if (flag) {
				if (!this.known(flag[2]!, line, 'flag')) return undefined;
				effects.push({ name: flag[2]!, kind: 'flag', value: !flag[1] });
			} else if (change) {
				if (!this.known(change[1]!, line, 'counter')) return undefined;
				const amount = Number(change[3]);
				effects.push(
					change[2] === '='
						? { name: change[1]!, kind: 'counter', change: 'set', value: amount }
						: {
								name: change[1]!,
								kind: 'counter',
								change: 'add',
								value: change[2] === '-' ? -amount : amount
							}
				);
			} else {
				this.report.error(
					line,
					`the change "${part.trim()}" cannot be read`,
					'write a flag to turn on ("kept_id_card") or off ("not kept_id_card"), or a counter and an amount ("debt + 150", "debt - 50", "debt = 0"), separated by commas'
				);
				return undefined;
			}
		}
		return effects;
	}
}

interface Section {
	heading: string;
	line: number;
	lines: string[];
}

function splitPassages(body: string[], bodyLine: number, report: Report) {
	const intro: string[] = [];
	const sections: Section[] = [];
	let fenced = false;
	body.forEach((text, index) => {
		const line = bodyLine + index;
		if (FENCE.test(text)) fenced = !fenced;
		const heading = fenced ? null : PASSAGE.exec(text);
		if (heading) {
			sections.push({ heading: heading[1]!, line, lines: [] });
			return;
		}
		if (!fenced && OTHER_HEADING.test(text)) {
			report.error(
				line,
				'only "##" headings are allowed in a story: each one starts a passage',
				'start a passage with "## passage-id: Its title"; write other headings as bold text'
			);
		}
		(sections.at(-1)?.lines ?? intro).push(text);
	});
	return { intro, sections };
}

interface EndingDraft {
	kind: EndingKind | null;
	line: number;
	debrief: string[] | null;
	messages: string[];
	help: string[];
}

function readList(text: string): string[] {
	return text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

function readPassage(
	section: Section,
	rules: RuleReader,
	context: CompileContext,
	report: Report
): Passage | undefined {
	const named = /^(\S+?)(?::\s*(.*\S))?\s*$/.exec(section.heading);
	const id = named?.[1] ?? '';
	const title = named?.[2] ?? '';
	if (!ID.test(id)) {
		report.error(
			section.line,
			`"${id}" is not a passage id`,
			'write "## " then an id in lower-case letters, digits and dashes, then ":" and a title, like "## village-meeting: The broker comes"'
		);
		return undefined;
	}
	if (!title) {
		report.error(
			section.line,
			`the passage "${id}" has no title`,
			`write a short title after its id: "## ${id}: What happens here" (the story map shows it)`
		);
	}

	const text: string[] = [];
	const choices: (Choice & { rules: Set<string> })[] = [];
	let ending: EndingDraft | null = null;
	let mode: 'text' | 'choices' | 'ending' | 'debrief' | 'after-debrief' = 'text';
	let fenced = false;
	let choice: (Choice & { rules: Set<string> }) | null = null;

	section.lines.forEach((raw, index) => {
		const line = section.line + 1 + index;
		const trimmed = raw.trim();
		if (FENCE.test(raw)) fenced = !fenced;
		if (fenced) {
			(mode === 'debrief' ? ending!.debrief! : text).push(raw);
			return;
		}
		const choiceMatch = CHOICE.exec(trimmed);
		const rule = CHOICE_RULE.exec(raw);
		const endingMatch = ENDING.exec(trimmed);
		const debrief = DEBRIEF.exec(trimmed);
		const messages = MESSAGES.exec(trimmed);
		const help = HELP.exec(trimmed);

		if (rule && choice) {
			const [, word, value] = rule as unknown as [string, 'if' | 'set', string];
			if (choice.rules.has(word)) {
				report.error(
					line,
					`this choice has a second "${word}:" line`,
					`put everything on one "${word}:" line${word === 'if' ? ', joined by "and"' : ', separated by commas'}`
				);
				return;
			}
			choice.rules.add(word);
			if (word === 'if') choice.when = rules.tests(value, line) ?? [];
			else choice.effects = rules.effects(value, line) ?? [];
			return;
		}
		if (trimmed === '') {
			if (mode === 'debrief') ending!.debrief!.push(raw);
			else if (mode === 'text') text.push(raw);
			return;
		}
		if (rule) {
			report.error(
				line,
				`an "${rule[1]}:" line must follow the choice it belongs to`,
				'put it on the line right after "- What they do → passage-id"'
			);
			return;
		}
		choice = null;

		if (endingMatch) {
			if (ending) {
				report.error(line, `the passage "${id}" has a second "Ending:" line`, 'keep one "Ending:" line');
				return;
			}
			const kind = endingMatch[1]!.toLowerCase() as EndingKind;
			const valid = endingKinds.includes(kind);
			if (!valid) {
				report.error(
					line,
					`"${endingMatch[1]}" is not a kind of ending`,
					'write "Ending: safe", "Ending: unsafe" or "Ending: mixed"'
				);
			}
			ending = { kind: valid ? kind : null, line, debrief: null, messages: [], help: [] };
			mode = 'ending';
			return;
		}
		if (debrief || messages || help) {
			const word = debrief ? 'Debrief' : messages ? 'Messages' : 'Help';
			if (!ending) {
				report.error(
					line,
					`"${word}:" belongs to an ending, and the passage "${id}" is not one`,
					'put an "Ending: safe", "Ending: unsafe" or "Ending: mixed" line above it'
				);
				return;
			}
			if (debrief) {
				ending.debrief = debrief[1] ? [debrief[1]] : [];
				mode = 'debrief';
			} else {
				const ids = readList((messages ?? help)![1]!);
				const known = messages ? context.messages : context.contacts;
				const file = messages ? 'content/key-messages.yml' : 'content/contacts.yml';
				for (const name of ids) {
					if (!known.has(name)) {
						const guess = closest(name, [...known.keys()]);
						report.error(
							line,
							`"${name}" is not ${messages ? 'a key message' : 'a contact'} in ${file}`,
							guess
								? `did you mean "${guess}"?`
								: `use one of ${[...known.keys()].join(', ')}, or add it to ${file}`
						);
					}
				}
				if (messages) ending.messages.push(...ids);
				else ending.help.push(...ids);
				mode = 'after-debrief';
			}
			return;
		}
		if (mode === 'debrief') {
			ending!.debrief!.push(raw);
			return;
		}
		if (mode === 'ending' || mode === 'after-debrief') {
			report.error(
				line,
				`text after "Ending:" that is not part of the debrief`,
				'put the story text above the "Ending:" line, and what the class should learn after "Debrief:"'
			);
			return;
		}
		if (choiceMatch) {
			const label = renderInline(choiceMatch[1]!);
			report.links(line, label.links);
			if (!choiceMatch[1] || !choiceMatch[2]) {
				report.error(
					line,
					'a choice needs its words and the passage it leads to',
					'write it as "- What they do → passage-id"'
				);
				return;
			}
			choice = { label: label.html, target: choiceMatch[2], when: [], effects: [], line, rules: new Set() };
			choices.push(choice);
			mode = 'choices';
			return;
		}
		if (mode === 'choices') {
			report.error(
				line,
				LIST_ITEM.test(trimmed)
					? 'this list item among the choices has no arrow to a passage'
					: 'text after the choices',
				LIST_ITEM.test(trimmed)
					? 'write it as "- What they do → passage-id", or move it above the choices'
					: 'move it above the choices: they come last in a passage'
			);
			return;
		}
		text.push(raw);
	});

	const body = renderBlock(text.join('\n'));
	report.links(section.line, body.links);
	if (body.html === '') {
		report.error(
			section.line,
			`the passage "${id}" has no text`,
			'write what happens in it, below its "##" line'
		);
	}

	let compiled: Ending | null = null;
	const draft = ending as EndingDraft | null;
	if (draft) {
		const debriefHtml = renderBlock((draft.debrief ?? []).join('\n'));
		report.links(draft.line, debriefHtml.links);
		if (debriefHtml.html === '') {
			report.error(
				draft.line,
				`the ending "${id}" has no debrief`,
				'add a "Debrief:" line after "Ending:", then what went right or wrong and which key messages applied'
			);
		}
		if (draft.messages.length === 0) {
			report.error(
				draft.line,
				`the ending "${id}" names no key message`,
				'add a line "Messages: " with the ids of the messages it teaches, from content/key-messages.yml (for example "Messages: call-1288, valid-passport")'
			);
		}
		// Every ending, safe ones too: a reader may stop at any of them, and help must be there.
		if (draft.help.length === 0) {
			report.error(
				draft.line,
				`the ${draft.kind ? `${draft.kind} ` : ''}ending "${id}" shows no help`,
				'add a line "Help: " with the contacts to show, from content/contacts.yml (for example "Help: hotline-1288"); every ending shows where to get help'
			);
		}
		compiled = {
			kind: draft.kind ?? 'mixed',
			debriefHtml: debriefHtml.html,
			messages: draft.messages,
			help: draft.help
		};
	}

	return {
		id,
		title: title || id,
		html: body.html,
		choices: choices.map(({ rules: _rules, ...rest }) => rest),
		ending: compiled,
		line: section.line
	};
}

function sameRules(a: Choice, b: Choice): boolean {
	return JSON.stringify([a.when, a.effects]) === JSON.stringify([b.when, b.effects]);
}

export const storyKind: ContentKind<Story> = {
	directory: 'stories',
	label: 'story',
	fields: storyFields,
	hints: storyHints,

	checkTranslation(english, translation, problems) {
		const error = (line: number, message: string, fix: string) =>
			problems.error(translation.file, line, message, fix);
		if (english.start !== translation.start) {
			error(1, `the story starts at "${translation.start}" here but at "${english.start}" in ${english.file}`, 'make "start" the same in every language');
		}
		if (JSON.stringify(english.state) !== JSON.stringify(translation.state)) {
			error(1, `the flags and counters under "state:" differ from ${english.file}`, 'copy "state:" from the English file unchanged');
		}
		const translated = new Map(translation.passages.map((passage) => [passage.id, passage]));
		for (const original of english.passages) {
			const passage = translated.get(original.id);
			if (!passage) {
				error(1, `the passage "${original.id}" of ${english.file} is missing`, `translate it as "## ${original.id}: …"; passage ids stay in English`);
				continue;
			}
			const targets = (p: Passage) => p.choices.map((choice) => choice.target).join(', ');
			if (
				targets(original) !== targets(passage) ||
				original.choices.some((choice, index) => !sameRules(choice, passage.choices[index]!))
			) {
				error(
					passage.line,
					`the choices of "${passage.id}" lead to ${targets(passage) || 'nothing'} here but to ${targets(original) || 'nothing'} in ${english.file}, or their "if:"/"set:" lines differ`,
					'keep the same choices in the same order, with the same "if:" and "set:" lines, in every language'
				);
			}
			const endingOf = (p: Passage) =>
				p.ending ? `${p.ending.kind} (${[...p.ending.messages].sort().join(', ')}; ${[...p.ending.help].sort().join(', ')})` : 'not an ending';
			if (endingOf(original) !== endingOf(passage)) {
				error(
					passage.line,
					`"${passage.id}" is ${endingOf(passage)} here but ${endingOf(original)} in ${english.file}`,
					'keep the same "Ending:", "Messages:" and "Help:" in every language'
				);
			}
		}
		for (const passage of translation.passages) {
			if (!english.passages.some((original) => original.id === passage.id)) {
				error(passage.line, `the passage "${passage.id}" is not in ${english.file}`, 'use the passage ids of the English story, or add the passage there first');
			}
		}
	},

	compile({ file, split, meta, fields, lineOf, problems, context, checkLinks }) {
		const front = fields as z.infer<typeof storyFields>;
		const state = front.state ?? {};
		const report: Report = {
			error: (line, message, fix) => problems.error(file, line, message, fix),
			links: (line, links) => checkLinks(line, links)
		};
		const rules = new RuleReader(state, report);
		const { intro, sections } = splitPassages(split.body, split.bodyLine, report);

		const passages: Passage[] = [];
		for (const section of sections) {
			const passage = readPassage(section, rules, context, report);
			if (!passage) continue;
			const twin = passages.find((other) => other.id === passage.id);
			if (twin) {
				report.error(
					passage.line,
					`the passage id "${passage.id}" is also used on line ${twin.line}`,
					'give each passage its own id'
				);
				continue;
			}
			passages.push(passage);
		}
		if (passages.length === 0) {
			report.error(
				split.bodyLine,
				'the story has no passages',
				'start each passage with a line "## passage-id: Its title" (see content/README.md)'
			);
			return undefined;
		}

		const introHtml = renderBlock(intro.join('\n'));
		checkLinks(split.bodyLine, introHtml.links);
		const story: Story = { ...meta, summary: front.summary, introHtml: introHtml.html, start: front.start, state, passages };

		for (const problem of checkGraph(story, {
			start: lineOf(['start']),
			state: lineOf(front.state ? ['state'] : [])
		})) {
			problems[problem.severity](file, problem.line, problem.message, problem.fix);
		}
		return story;
	}
};
