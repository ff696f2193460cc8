import { describe, expect, it } from 'vitest';
import {
	availableChoices,
	back,
	begin,
	canGoBack,
	choicesOf,
	choose,
	current,
	endingOf,
	fromHash,
	pathOf,
	replay,
	restart,
	StoryMoveError,
	toHash
} from '$lib/story/engine';
import type { StoryGraph } from '$lib/story/types';

/** At the border, "turn back" needs the ID card she may have handed over; "pay" needs savings. */
const story: StoryGraph = {
	start: 'offer',
	state: { kept_id_card: true, savings: 100 },
	passages: [
		{
			id: 'offer',
			line: 1,
			ending: null,
			choices: [
				{ target: 'border', when: [], effects: [], line: 2 },
				{
					target: 'border',
					when: [],
					effects: [
						{ name: 'kept_id_card', kind: 'flag', value: false },
						{ name: 'savings', kind: 'counter', change: 'add', value: -60 }
					],
					line: 3
				}
			]
		},
		{
			id: 'border',
			line: 4,
			ending: null,
			choices: [
				{
					target: 'home',
					when: [{ name: 'kept_id_card', kind: 'flag', value: true }],
					effects: [],
					line: 5
				},
				{
					target: 'home',
					when: [{ name: 'savings', kind: 'counter', compare: '>=', value: 80 }],
					effects: [{ name: 'savings', kind: 'counter', change: 'set', value: 0 }],
					line: 6
				},
				{ target: 'stuck', when: [], effects: [], line: 7 }
			]
		},
		{ id: 'home', line: 8, ending: { kind: 'safe' }, choices: [] },
		{ id: 'stuck', line: 9, ending: { kind: 'unsafe' }, choices: [] }
	]
};

describe('playing a story', () => {
	it('starts at the start passage with the declared state', () => {
		const play = begin(story);
		expect(current(play)).toEqual({
			passage: 'offer',
			state: { kept_id_card: true, savings: 100 },
			via: null
		});
		expect(canGoBack(play)).toBe(false);
		expect(availableChoices(story, play)).toEqual([0, 1]);
	});

	it('moves to the chosen passage and applies what the choice sets', () => {
		const play = choose(story, begin(story), 1);
		expect(current(play)).toEqual({
			passage: 'border',
			state: { kept_id_card: false, savings: 40 },
			via: 1
		});
	});

	it('hides the choices whose conditions do not hold', () => {
		expect(availableChoices(story, choose(story, begin(story), 0))).toEqual([0, 1, 2]);
		expect(availableChoices(story, choose(story, begin(story), 1))).toEqual([2]);
	});

	it('refuses a hidden choice, or one that does not exist', () => {
		const atBorder = choose(story, begin(story), 1);
		expect(() => choose(story, atBorder, 0)).toThrow(StoryMoveError);
		expect(() => choose(story, atBorder, 9)).toThrow('Choice 10 cannot be taken in "border" now');
	});

	it('goes back one step together with the state it had there', () => {
		const atBorder = choose(story, begin(story), 1);
		const before = back(atBorder);
		expect(current(before)).toEqual(current(begin(story)));
		// Back after a state change: the choice the change hid is shown again on the other way.
		const otherWay = choose(story, before, 0);
		expect(current(otherWay).state).toEqual({ kept_id_card: true, savings: 100 });
		expect(availableChoices(story, otherWay)).toEqual([0, 1, 2]);
	});

	it('stays at the first passage when there is nothing to go back to', () => {
		const play = begin(story);
		expect(back(play)).toBe(play);
	});

	it('restarts from the start with the first state', () => {
		const ended = choose(story, choose(story, begin(story), 1), 2);
		expect(endingOf(story, ended)).toEqual({ kind: 'unsafe' });
		expect(restart(story)).toEqual(begin(story));
	});

	it('reports the path taken and the choices that made it', () => {
		const play = choose(story, choose(story, begin(story), 0), 1);
		expect(pathOf(play)).toEqual(['offer', 'border', 'home']);
		expect(choicesOf(play)).toEqual([0, 1]);
		expect(current(play).state).toEqual({ kept_id_card: true, savings: 0 });
		expect(endingOf(story, play)).toEqual({ kind: 'safe' });
	});

	it('replays choices, and gives nothing for choices that cannot be taken', () => {
		expect(pathOf(replay(story, [0, 1])!)).toEqual(['offer', 'border', 'home']);
		expect(replay(story, [1, 0])).toBeNull();
		expect(replay(story, [0], 'nowhere')).toBeNull();
	});
});

describe('the playthrough in the address', () => {
	it('writes the passage and the choices, and reads them back to the same state', () => {
		const play = choose(story, choose(story, begin(story), 1), 2);
		expect(toHash(story, play)).toBe('#p=stuck&c=1.2');
		expect(fromHash(story, '#p=stuck&c=1.2')).toEqual({ kind: 'play', play });
	});

	it('starts at the start without a passage in the address', () => {
		expect(fromHash(story, '')).toEqual({ kind: 'play', play: begin(story) });
		expect(toHash(story, begin(story))).toBe('#p=offer');
	});

	it('says so when the address names a passage the story does not have', () => {
		expect(fromHash(story, '#p=nonexistent')).toEqual({
			kind: 'unknown-passage',
			passage: 'nonexistent'
		});
	});

	it('opens a passage named without a valid path there with the first state', () => {
		const result = fromHash(story, '#p=border&c=1.0');
		expect(result).toEqual({ kind: 'play', play: begin(story, 'border') });
		const play = choose(story, begin(story, 'border'), 2);
		expect(toHash(story, play)).toBe('#p=stuck&c=2&from=border');
		expect(fromHash(story, '#p=stuck&c=2&from=border')).toEqual({ kind: 'play', play });
	});
});
