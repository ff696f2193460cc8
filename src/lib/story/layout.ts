/**
 * Lays a story out as a map, top to bottom, at build time (so none of this reaches the
 * browser). Each passage sits one row below the furthest passage that leads to it, so every
 * choice points downwards; a choice that leads back up (a loop) is drawn round the right side.
 * Within a row, passages are ordered next to the passages they come from, to keep lines short.
 */

export interface LayoutInput {
	start: string;
	passages: { id: string; title: string; choices: { target: string }[] }[];
}

export interface MapNode {
	id: string;
	/** The title cut into lines that fit the box. */
	lines: string[];
	x: number;
	y: number;
	row: number;
}

export interface MapEdge {
	from: string;
	to: string;
	/** Index of the choice among the passage's choices. */
	choice: number;
	/** SVG path data. */
	d: string;
	/** Where the line starts, passes each row it skips, and ends (not for loops). */
	points: Point[];
	loop: boolean;
}

export type Point = [x: number, y: number];

/** The x at which a line near `x` can pass a row of boxes (left edges `lefts`) without crossing one. */
function throughGap(lefts: number[], x: number): number {
	const sorted = [...lefts].sort((a, b) => a - b);
	if (!sorted.some((left) => x > left - GAP_X / 4 && x < left + NODE_WIDTH + GAP_X / 4)) return x;
	const gaps = [sorted[0]! - GAP_X / 2, ...sorted.map((left) => left + NODE_WIDTH + GAP_X / 2)];
	return gaps.reduce((best, gap) => (Math.abs(gap - x) < Math.abs(best - x) ? gap : best));
}

/** Straight down through each row, with smooth bends between rows. */
function smoothPath(points: Point[]): string {
	const [first, ...rest] = points;
	let d = `M ${first![0]} ${first![1]}`;
	let previous = first!;
	for (const point of rest) {
		const bend = Math.max((point[1] - previous[1]) / 2, 0);
		d +=
			point[0] === previous[0]
				? ` L ${point[0]} ${point[1]}`
				: ` C ${previous[0]} ${previous[1] + bend}, ${point[0]} ${point[1] - bend}, ${point[0]} ${point[1]}`;
		previous = point;
	}
	return d;
}

export interface StoryMap {
	nodes: MapNode[];
	edges: MapEdge[];
	width: number;
	height: number;
	nodeWidth: number;
	nodeHeight: number;
}

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 78;
const GAP_X = 36;
const GAP_Y = 64;
const MARGIN = 24;
const LOOP_SPACE = 40;
const LINE_CHARS = 22;
const MAX_LINES = 3;

const graphemes = (text: string) =>
	[...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
		(part) => part.segment
	);

/** Cuts a title into at most three short lines, at spaces where it can. */
export function wrapTitle(title: string, width = LINE_CHARS): string[] {
	const lines: string[] = [];
	let line: string[] = [];
	const flush = () => {
		if (line.length > 0) lines.push(line.join(''));
		line = [];
	};
	for (const word of title.split(/\s+/).filter(Boolean)) {
		const letters = graphemes(word);
		if (line.length > 0 && line.length + 1 + letters.length > width) flush();
		if (line.length > 0) line.push(' ');
		for (const letter of letters) {
			if (line.length >= width) flush();
			line.push(letter);
		}
	}
	flush();
	if (lines.length > MAX_LINES) {
		const kept = lines.slice(0, MAX_LINES);
		kept[MAX_LINES - 1] = `${graphemes(kept[MAX_LINES - 1]!)
			.slice(0, width - 1)
			.join('')}…`;
		return kept;
	}
	return lines;
}

export function layoutStory(story: LayoutInput): StoryMap {
	const ids = story.passages.map((passage) => passage.id);
	const targets = new Map(
		story.passages.map((passage) => [
			passage.id,
			passage.choices.map((choice) => choice.target).filter((target) => ids.includes(target))
		])
	);

	// Depth-first from the start: a choice to a passage still on the current trail is a loop.
	const loops = new Set<string>();
	const order: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const visit = (id: string) => {
		state.set(id, 'open');
		for (const target of targets.get(id) ?? []) {
			if (state.get(target) === 'open') loops.add(`${id}>${target}`);
			else if (!state.has(target)) visit(target);
		}
		state.set(id, 'done');
		order.unshift(id);
	};
	visit(story.start);
	for (const id of ids) if (!state.has(id)) visit(id);

	const row = new Map(ids.map((id) => [id, 0]));
	for (const id of order) {
		for (const target of targets.get(id) ?? []) {
			if (!loops.has(`${id}>${target}`))
				row.set(target, Math.max(row.get(target)!, row.get(id)! + 1));
		}
	}

	const rowCount = Math.max(...row.values()) + 1;
	const rows: string[][] = Array.from({ length: rowCount }, () => []);
	for (const id of order) rows[row.get(id)!]!.push(id);
	const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
	for (const [id, list] of targets) for (const target of list) parents.get(target)!.push(id);

	// A few sweeps of the barycentre method: order each row by where its parents sit.
	const position = new Map<string, number>();
	// Offsets from the middle of each row, since rows are centred under each other.
	const place = (list: string[]) =>
		list.forEach((id, index) => position.set(id, index - (list.length - 1) / 2));
	rows.forEach(place);
	for (let sweep = 0; sweep < 4; sweep++) {
		for (const list of rows.slice(1)) {
			const weight = (id: string) => {
				const above = parents.get(id)!.filter((parent) => row.get(parent)! < row.get(id)!);
				if (above.length === 0) return position.get(id)!;
				return above.reduce((sum, parent) => sum + position.get(parent)!, 0) / above.length;
			};
			const weights = new Map(list.map((id) => [id, weight(id)]));
			list.sort((a, b) => weights.get(a)! - weights.get(b)!);
			place(list);
		}
	}

	const widest = Math.max(...rows.map((list) => list.length));
	const innerWidth = widest * NODE_WIDTH + (widest - 1) * GAP_X;
	const nodes: MapNode[] = [];
	const byId = new Map<string, MapNode>();
	rows.forEach((list, rowIndex) => {
		const rowWidth = list.length * NODE_WIDTH + (list.length - 1) * GAP_X;
		const left = MARGIN + (innerWidth - rowWidth) / 2;
		list.forEach((id, index) => {
			const passage = story.passages.find((candidate) => candidate.id === id)!;
			const node: MapNode = {
				id,
				lines: wrapTitle(passage.title),
				x: left + index * (NODE_WIDTH + GAP_X),
				y: MARGIN + rowIndex * (NODE_HEIGHT + GAP_Y),
				row: rowIndex
			};
			nodes.push(node);
			byId.set(id, node);
		});
	});

	const width = MARGIN * 2 + innerWidth + (loops.size > 0 ? LOOP_SPACE * 2 : 0);
	const edges: MapEdge[] = [];
	for (const passage of story.passages) {
		const from = byId.get(passage.id)!;
		const count = passage.choices.length;
		passage.choices.forEach((choice, index) => {
			const to = byId.get(choice.target);
			if (!to) return;
			const loop = loops.has(`${passage.id}>${choice.target}`);
			if (loop) {
				const outside = MARGIN + innerWidth + LOOP_SPACE;
				const startY = from.y + NODE_HEIGHT / 2;
				const endY = to.y + NODE_HEIGHT / 2;
				edges.push({
					from: passage.id,
					to: choice.target,
					choice: index,
					loop,
					points: [],
					d: `M ${from.x + NODE_WIDTH} ${startY} C ${outside} ${startY}, ${outside} ${endY}, ${to.x + NODE_WIDTH} ${endY}`
				});
				return;
			}
			const start: Point = [
				from.x + (NODE_WIDTH * (index + 1)) / (count + 1),
				from.y + NODE_HEIGHT
			];
			const end: Point = [to.x + NODE_WIDTH / 2, to.y];
			// A choice that skips rows goes down through the gaps between the boxes it passes.
			const points: Point[] = [start];
			for (let between = from.row + 1; between < to.row; between++) {
				const top = MARGIN + between * (NODE_HEIGHT + GAP_Y);
				const share = (top + NODE_HEIGHT / 2 - start[1]) / (end[1] - start[1]);
				const x = throughGap(
					rows[between]!.map((id) => byId.get(id)!.x),
					start[0] + share * (end[0] - start[0])
				);
				points.push([x, top], [x, top + NODE_HEIGHT]);
			}
			points.push(end);
			edges.push({
				from: passage.id,
				to: choice.target,
				choice: index,
				loop,
				points,
				d: smoothPath(points)
			});
		});
	}

	return {
		nodes,
		edges,
		width,
		height: MARGIN * 2 + rowCount * NODE_HEIGHT + (rowCount - 1) * GAP_Y,
		nodeWidth: NODE_WIDTH,
		nodeHeight: NODE_HEIGHT
	};
}
