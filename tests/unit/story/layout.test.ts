import { describe, expect, it } from 'vitest';
import { compileContent } from '$lib/content/compile';
import { readContentFiles } from '$lib/content/read-files';
import { layoutStory, NODE_HEIGHT, NODE_WIDTH, wrapTitle } from '$lib/story/layout';

const story = {
	start: 'a',
	passages: [
		{ id: 'a', title: 'Start here', choices: [{ target: 'b' }, { target: 'c' }, { target: 'd' }] },
		{ id: 'b', title: 'Left', choices: [{ target: 'd' }] },
		{ id: 'c', title: 'Right', choices: [{ target: 'd' }, { target: 'a' }] },
		{ id: 'd', title: 'The end', choices: [] }
	]
};

describe('the story map layout', () => {
	it('draws every passage once and every choice as a line', () => {
		const map = layoutStory(story);
		expect(map.nodes.map((node) => node.id).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(map.edges).toHaveLength(6);
		expect(map.edges.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual(
			['a>b', 'a>c', 'a>d', 'b>d', 'c>a', 'c>d'].sort()
		);
	});

	it('puts each passage below every passage that leads to it, except along a loop', () => {
		const map = layoutStory(story);
		const row = Object.fromEntries(map.nodes.map((node) => [node.id, node.row]));
		expect(row).toEqual({ a: 0, b: 1, c: 1, d: 2 });
		const loops = map.edges.filter((edge) => edge.loop);
		expect(loops.map((edge) => `${edge.from}>${edge.to}`)).toEqual(['c>a']);
	});

	it('keeps boxes apart and inside the drawing', () => {
		const map = layoutStory(story);
		for (const node of map.nodes) {
			expect(node.x).toBeGreaterThanOrEqual(0);
			expect(node.x + NODE_WIDTH).toBeLessThanOrEqual(map.width);
			expect(node.y + NODE_HEIGHT).toBeLessThanOrEqual(map.height);
			for (const other of map.nodes) {
				if (other === node || other.row !== node.row) continue;
				expect(Math.abs(other.x - node.x)).toBeGreaterThanOrEqual(NODE_WIDTH);
			}
		}
	});

	it('sends a choice that skips rows through the gaps, never across a passage it does not lead to', () => {
		const { content } = compileContent(readContentFiles('.'));
		for (const story of content.stories.en) {
			const map = layoutStory(story);
			for (const edge of map.edges.filter((candidate) => !candidate.loop)) {
				for (const [x, y] of edge.points.slice(1, -1)) {
					const crossed = map.nodes.filter(
						(node) =>
							y >= node.y && y <= node.y + NODE_HEIGHT && x > node.x && x < node.x + NODE_WIDTH
					);
					expect(crossed.map((node) => `${edge.from}>${edge.to} crosses ${node.id}`)).toEqual([]);
				}
			}
		}
	});

	it('cuts long titles into at most three lines, keeping Khmer letters whole', () => {
		expect(wrapTitle('At the recruitment agency')).toEqual(['At the recruitment', 'agency']);
		expect(wrapTitle('one two three four five six seven eight nine ten eleven', 10)).toEqual([
			'one two',
			'three four',
			'five six…'
		]);
		const khmer = wrapTitle('ការិយាល័យភ្នាក់ងារជ្រើសរើសពលករ', 8);
		expect(khmer.join('').replace('…', '')).toMatch(/^ការិយាល័យ/);
		// No line starts with a vowel sign or a subscript torn from its consonant.
		expect(khmer.length).toBeGreaterThan(1);
		for (const line of khmer) expect(line).not.toMatch(/^[\u17B6-\u17D3]/);
	});
});
