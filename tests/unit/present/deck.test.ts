import { describe, expect, it } from 'vitest';
import { commandForKey, indexFromHash, move } from '$lib/present/deck';

const key = (name: string, modifiers: Partial<KeyboardEvent> = {}) => ({
	key: name,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	...modifiers
});

describe('keys a keyboard and a presentation clicker send', () => {
	it.each([
		['ArrowRight', 'next'],
		[' ', 'next'],
		['PageDown', 'next'],
		['ArrowLeft', 'previous'],
		['PageUp', 'previous'],
		['Home', 'first'],
		['End', 'last'],
		['b', 'blank'],
		['B', 'blank'],
		['.', 'blank'],
		['f', 'fullscreen'],
		['p', 'presenter'],
		['t', 'timer'],
		['T', 'timer'],
		['Escape', 'exit']
	])('%j means %s', (name, command) => {
		expect(commandForKey(key(name))).toBe(command);
	});

	it('leaves browser shortcuts alone', () => {
		expect(commandForKey(key('f', { ctrlKey: true }))).toBeUndefined();
		expect(commandForKey(key('ArrowLeft', { altKey: true }))).toBeUndefined();
		expect(commandForKey(key('x'))).toBeUndefined();
	});
});

describe('moving through the slides', () => {
	const at = (index: number, blank = false) => ({ index, blank });

	it('stops at the first and the last slide', () => {
		expect(move(at(0), 'previous', 5)).toEqual(at(0));
		expect(move(at(4), 'next', 5)).toEqual(at(4));
		expect(move(at(2), 'first', 5)).toEqual(at(0));
		expect(move(at(2), 'last', 5)).toEqual(at(4));
	});

	it('brings the same slide back when next or previous is pressed on a black screen', () => {
		expect(move(at(2), 'blank', 5)).toEqual(at(2, true));
		expect(move(at(2, true), 'next', 5)).toEqual(at(2));
		expect(move(at(2, true), 'previous', 5)).toEqual(at(2));
		expect(move(at(2, true), 'blank', 5)).toEqual(at(2));
		expect(move(at(2, true), 'last', 5)).toEqual(at(4));
	});

	it('reads the slide from the address, ignoring nonsense', () => {
		expect(indexFromHash('#3', 5)).toBe(2);
		expect(indexFromHash('#99', 5)).toBe(4);
		expect(indexFromHash('#0', 5)).toBe(0);
		expect(indexFromHash('#abc', 5)).toBe(0);
		expect(indexFromHash('', 5)).toBe(0);
	});
});
