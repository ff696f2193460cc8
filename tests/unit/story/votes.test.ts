import { describe, expect, it } from 'vitest';
import { addVote, choiceForKey, leaders, winner } from '$lib/story/votes';

describe('the class vote', () => {
	it('counts each tap as one vote for that choice', () => {
		expect(addVote(addVote(addVote({}, 2), 0), 2)).toEqual({ 0: 1, 2: 2 });
	});

	it('names a winner only when one choice has more votes than every other', () => {
		expect(winner({})).toBeNull();
		expect(winner({ 0: 0 })).toBeNull();
		expect(winner({ 0: 2, 1: 3 })).toBe(1);
		expect(winner({ 0: 3, 1: 3 })).toBeNull();
		expect(winner({ 0: 3, 1: 3, 2: 4 })).toBe(2);
	});

	it('names every choice level at the top, so a tie can be shown as one', () => {
		expect(leaders({})).toEqual([]);
		expect(leaders({ 0: 0, 1: 0 })).toEqual([]);
		expect(leaders({ 0: 2, 1: 3 })).toEqual([1]);
		expect(leaders({ 2: 3, 0: 3, 1: 1 })).toEqual([0, 2]);
	});

	it('takes keys 1 to 9 as the shown choices, and nothing else', () => {
		expect(choiceForKey('1', 3)).toBe(0);
		expect(choiceForKey('3', 3)).toBe(2);
		expect(choiceForKey('4', 3)).toBeNull();
		expect(choiceForKey('0', 3)).toBeNull();
		expect(choiceForKey('a', 3)).toBeNull();
		expect(choiceForKey('10', 12)).toBeNull();
	});
});
