/**
 * The story's small rule language: a choice is shown when all its tests hold (`if:`), and
 * taking it changes flags and counters (`set:`). States are never changed in place, so the
 * engine can keep every earlier state for "back".
 */
import type { Effect, StoryState, Test } from './types';

export function holds(test: Test, state: StoryState): boolean {
	const current = state[test.name];
	if (test.kind === 'flag') return current === test.value;
	if (typeof current !== 'number') return false;
	switch (test.compare) {
		case '=':
			return current === test.value;
		case '!=':
			return current !== test.value;
		case '<':
			return current < test.value;
		case '<=':
			return current <= test.value;
		case '>':
			return current > test.value;
		case '>=':
			return current >= test.value;
	}
}

export function allHold(tests: readonly Test[], state: StoryState): boolean {
	return tests.every((test) => holds(test, state));
}

export function applyEffects(effects: readonly Effect[], state: StoryState): StoryState {
	if (effects.length === 0) return state;
	const next = { ...state };
	for (const effect of effects) {
		if (effect.kind === 'flag') next[effect.name] = effect.value;
		else if (effect.change === 'set') next[effect.name] = effect.value;
		else next[effect.name] = Number(next[effect.name] ?? 0) + effect.value;
	}
	return next;
}

/** A state as words, for authors: `kept_id_card off, debt 150`. */
export function describeState(state: StoryState): string {
	const parts = Object.entries(state).map(([name, value]) =>
		typeof value === 'boolean' ? `${name} ${value ? 'on' : 'off'}` : `${name} ${value}`
	);
	return parts.length > 0 ? parts.join(', ') : 'no flags or counters';
}

/** A stable key for a state, so the graph checks can tell states apart. */
export function stateKey(state: StoryState): string {
	return Object.keys(state)
		.sort()
		.map((name) => `${name}=${String(state[name])}`)
		.join('&');
}
