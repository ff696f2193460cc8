/**
 * Graph checks for a story, run by `content:check` and the build. First on the links alone
 * (every target exists, every passage reachable from the start, an ending reachable from
 * every passage, no passage without a way on). Conditions can hide choices, so when the
 * links are sound the checks then play every situation a reader can be in — each passage
 * with each combination of flags and counters reachable from the start — to find passages
 * no reader can reach, places where every choice is hidden, loops with no way out, and
 * choices never shown. That search stops at MAX_SITUATIONS; past it (counters that grow
 * without end) only the link checks apply, and a warning says so.
 */
import { closest } from '../content/problems';
import { allHold, applyEffects, describeState, stateKey } from './rules';
import type { StoryGraph, StoryState } from './types';

export const MAX_SITUATIONS = 20_000;

export interface GraphProblem {
	line: number;
	message: string;
	fix: string;
	severity: 'error' | 'warning';
}

type GraphPassage = StoryGraph['passages'][number];

export interface GraphLines {
	/** Line of the `start:` field. */
	start: number;
	/** Line of the `state:` field (or of the front matter, if there is none). */
	state: number;
}

export function checkGraph(story: StoryGraph, lines: GraphLines): GraphProblem[] {
	const problems: GraphProblem[] = [];
	const error = (line: number, message: string, fix: string) =>
		problems.push({ line, message, fix, severity: 'error' });
	const byId = new Map(story.passages.map((passage) => [passage.id, passage]));
	const ids = [...byId.keys()];

	if (!byId.has(story.start)) {
		const guess = closest(story.start, ids);
		error(
			lines.start,
			`the story starts at "${story.start}", which is not one of its passages`,
			guess ? `did you mean "${guess}"?` : `write the id of the first passage (its "## id" line)`
		);
		return problems;
	}

	for (const passage of story.passages) {
		if (passage.ending && passage.choices.length > 0) {
			error(
				passage.line,
				`the passage "${passage.id}" is an ending but also has choices`,
				'remove its choices, or remove its "Ending:" line if the story goes on from here'
			);
		}
		if (!passage.ending && passage.choices.length === 0) {
			error(
				passage.line,
				`the passage "${passage.id}" has no choices and is not an ending: readers would be stuck here`,
				'add choices ("- What they do → passage-id"), or end the story here with "Ending: safe", "Ending: unsafe" or "Ending: mixed" and a "Debrief:"'
			);
		}
		for (const choice of passage.choices) {
			if (!byId.has(choice.target)) {
				const guess = closest(choice.target, ids);
				error(
					choice.line,
					`the choice leads to "${choice.target}", which is not a passage of this story`,
					guess
						? `did you mean "${guess}"? Write the id of an existing passage after the arrow`
						: 'write the id of an existing passage after the arrow, or add a passage "## ' +
								choice.target +
								': Its title"'
				);
			}
		}
	}

	const reached = reachableFrom([story.start], (id) =>
		(byId.get(id)?.choices ?? []).map((choice) => choice.target)
	);
	for (const passage of story.passages) {
		if (!reached.has(passage.id)) {
			const linked = story.passages.some((other) =>
				other.choices.some((choice) => choice.target === passage.id)
			);
			error(
				passage.line,
				linked
					? `the passage "${passage.id}" cannot be reached from the start ("${story.start}"): only passages that cannot be reached lead to it`
					: `the passage "${passage.id}" cannot be reached from the start ("${story.start}"): no choice leads to it`,
				`add a choice "- … → ${passage.id}" to a passage readers reach, or remove this passage`
			);
		}
	}

	// A broken link or a dead end already explains why no ending can be reached from before it.
	if (problems.length > 0) return problems;
	const leadsToEnding = reachableFrom(
		story.passages.filter((passage) => passage.ending).map((passage) => passage.id),
		(id) =>
			story.passages
				.filter((other) => other.choices.some((choice) => choice.target === id))
				.map((other) => other.id)
	);
	for (const passage of story.passages) {
		if (passage.choices.length > 0 && !passage.ending && !leadsToEnding.has(passage.id)) {
			error(
				passage.line,
				`from the passage "${passage.id}" no ending can be reached: every way on goes round in a loop or stops`,
				'give it, or a passage after it, a choice that leads towards an ending'
			);
		}
	}

	if (problems.length === 0) problems.push(...explore(story, byId, lines));
	return problems;
}

function reachableFrom(starts: string[], next: (id: string) => string[]): Set<string> {
	const seen = new Set(starts);
	const queue = [...starts];
	while (queue.length > 0) {
		for (const target of next(queue.shift()!)) {
			if (!seen.has(target)) {
				seen.add(target);
				queue.push(target);
			}
		}
	}
	return seen;
}

interface Situation {
	passage: GraphPassage;
	state: StoryState;
	/** Keys of the situations the shown choices lead to. */
	next: string[];
}

/** Plays every situation reachable from the start; see the module header. */
function explore(
	story: StoryGraph,
	byId: ReadonlyMap<string, GraphPassage>,
	lines: GraphLines
): GraphProblem[] {
	const problems: GraphProblem[] = [];
	const situations = new Map<string, Situation>();
	const keyOf = (passage: string, state: StoryState) => `${passage}|${stateKey(state)}`;
	const shownChoices = new Set<GraphPassage['choices'][number]>();
	const first = byId.get(story.start)!;
	const queue: string[] = [keyOf(first.id, story.state)];
	situations.set(queue[0]!, { passage: first, state: story.state, next: [] });

	while (queue.length > 0) {
		const situation = situations.get(queue.shift()!)!;
		for (const choice of situation.passage.choices) {
			if (!allHold(choice.when, situation.state)) continue;
			shownChoices.add(choice);
			const state = applyEffects(choice.effects, situation.state);
			const key = keyOf(choice.target, state);
			situation.next.push(key);
			if (situations.has(key)) continue;
			if (situations.size >= MAX_SITUATIONS) {
				return [
					{
						line: lines.state,
						message: `the flags and counters make more than ${MAX_SITUATIONS} different situations, too many to play through every one: only the links between passages were checked`,
						fix: 'keep counters within a small range, for example by not adding to a counter on a choice that can be taken again and again',
						severity: 'warning'
					}
				];
			}
			situations.set(key, { passage: byId.get(choice.target)!, state, next: [] });
			queue.push(key);
		}
	}

	const visited = new Set([...situations.values()].map((situation) => situation.passage.id));
	for (const passage of story.passages) {
		if (!visited.has(passage.id)) {
			problems.push({
				line: passage.line,
				message: `no reader can reach the passage "${passage.id}": the "if:" conditions on the choices that lead to it never hold when a reader gets there`,
				fix: 'change those conditions, or the "set:" of the choices before them',
				severity: 'error'
			});
		}
	}

	const endingReachable = new Set<string>();
	let changed = true;
	for (const [key, situation] of situations) {
		if (situation.passage.ending) endingReachable.add(key);
	}
	while (changed) {
		changed = false;
		for (const [key, situation] of situations) {
			if (!endingReachable.has(key) && situation.next.some((next) => endingReachable.has(next))) {
				endingReachable.add(key);
				changed = true;
			}
		}
	}

	const reported = new Set<string>();
	for (const [key, situation] of situations) {
		const { passage, state } = situation;
		if (endingReachable.has(key) || reported.has(passage.id)) continue;
		reported.add(passage.id);
		problems.push({
			line: passage.line,
			message:
				situation.next.length === 0
					? `a reader can be stuck at the passage "${passage.id}": with ${describeState(state)}, none of its choices is shown`
					: `from the passage "${passage.id}", with ${describeState(state)}, no ending can be reached: the choices shown go round in a loop`,
			fix:
				situation.next.length === 0
					? 'add a choice without "if:", or one whose condition holds in that case'
					: 'add a way out of the loop towards an ending, or change the "if:" conditions',
			severity: 'error'
		});
	}

	for (const passage of story.passages) {
		if (!visited.has(passage.id)) continue;
		for (const choice of passage.choices) {
			if (!shownChoices.has(choice)) {
				problems.push({
					line: choice.line,
					message: `this choice is never shown: its "if:" condition never holds when a reader reaches "${passage.id}"`,
					fix: 'change the condition, or remove the choice',
					severity: 'warning'
				});
			}
		}
	}
	return problems;
}
