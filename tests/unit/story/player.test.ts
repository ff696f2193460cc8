import { describe, expect, it } from 'vitest';
import { readPosition, savePosition, StoryPlayer } from '$lib/story/player.svelte';
import type { Passage, Story } from '$lib/story/types';

const passage = (id: string, targets: string[]): Passage => ({
	id,
	title: id,
	html: `<p>${id}</p>`,
	choices: targets.map((target, index) => ({
		label: target,
		target,
		when: [],
		effects: [],
		line: index + 2
	})),
	ending: targets.length
		? null
		: { kind: 'safe', debriefHtml: '<p>Safe.</p>', messages: [], help: [] },
	line: 1
});

const story: Story = {
	id: 'market',
	title: 'At the market',
	locale: 'en',
	translation: 'reviewed',
	fallback: false,
	sources: [],
	version: '1',
	file: 'content/en/stories/market.md',
	summary: '',
	introHtml: '',
	start: 'stall',
	state: {},
	passages: [
		passage('stall', ['ask', 'leave']),
		passage('ask', ['home']),
		passage('leave', []),
		passage('home', [])
	]
} as unknown as Story;

/** A Storage kept in memory, as localStorage is in a browser. */
function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
}

describe('a story player', () => {
	it('gives the address of every step so far, so each can be an entry in the history', () => {
		const player = new StoryPlayer(story);
		player.choose(0);
		player.choose(0);
		expect(player.hashes).toEqual(['#p=stall', '#p=ask&c=0', '#p=home&c=0.0']);
		expect(player.hashes.at(-1)).toBe(player.hash);
	});

	it('resumes a saved position past the start, with its steps', () => {
		const player = new StoryPlayer(story);
		expect(player.resume('#p=home&c=0.0')).toBe(true);
		expect(player.passage.id).toBe('home');
		expect(player.steps).toBe(3);
	});

	it('does not resume the start, an unknown passage or a position that is not one', () => {
		for (const saved of ['', '#p=stall', '#p=gone&c=0', 'p=', '#c=0.0']) {
			const player = new StoryPlayer(story);
			expect(player.resume(saved), saved).toBe(false);
			expect(player.passage.id).toBe('stall');
			expect(player.unknownPassage).toBeNull();
		}
	});
});

describe('where this tablet left a story', () => {
	it('is kept per story, as the address of the step and nothing else', () => {
		const storage = memoryStorage();
		savePosition('market', '#p=ask&c=0', storage);
		expect(readPosition('market', storage)).toBe('#p=ask&c=0');
		expect(readPosition('other', storage)).toBeNull();
		expect(storage.length).toBe(1);
	});

	it('is ignored when it is not an address a player wrote', () => {
		const storage = memoryStorage();
		storage.setItem('smc.story.market', '<script>');
		expect(readPosition('market', storage)).toBeNull();
	});

	it('is simply not kept where storage refuses it', () => {
		const refusing = {
			...memoryStorage(),
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		} as Storage;
		expect(() => savePosition('market', '#p=ask&c=0', refusing)).not.toThrow();
		expect(readPosition('market', refusing)).toBeNull();
	});
});
