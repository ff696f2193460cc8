/**
 * Where each card lands on the printed sheets, in millimetres from the sheet's top-left
 * corner. On plain paper, cards sit edge to edge in a grid centred on the sheet (one cut
 * between two neighbours), with crop marks in the margins along every cut line, never within
 * 6 mm of the paper's edge, where most printers cannot print (so US Letter takes four rows),
 * and, if asked, thin guides along the cuts inside the sheet. On sheets of business cards cut
 * in advance, the cards go where the sheet's own cards are, with no marks. Each sheet is
 * printed as two pages, fronts then backs; for long-edge duplex the back page is the front
 * page mirrored left to right, so the back of every card lands behind its front.
 */
import type { Locale } from '../content/types';
import { cardSizes, type CardSize } from './sizes';

export const papers = {
	a4: { width: 210, height: 297 },
	letter: { width: 215.9, height: 279.4 }
} as const;

export type Paper = keyof typeof papers;

/** Plain paper or card, cut by hand; or a sheet of business cards cut in advance. */
export type Stock = 'plain' | 'precut';

/**
 * The sheets of business cards cut in advance that each paper takes: ten cards, 2 across
 * and 5 down, centred as the makers' templates place them. A4: 85 × 54 mm with a 10 mm
 * gap between the columns (as Avery C32011); Letter: 3.5 × 2 in, edge to edge (as Avery 5371).
 */
export const precutSheets = {
	a4: {
		name: 'Avery C32011',
		card: { width: 85, height: 54 },
		columns: 2,
		rows: 5,
		gap: { x: 10, y: 0 }
	},
	letter: {
		name: 'Avery 5371',
		card: { width: 88.9, height: 50.8 },
		columns: 2,
		rows: 5,
		gap: { x: 0, y: 0 }
	}
} as const satisfies Record<Paper, Omit<Grid, 'x' | 'y' | 'width' | 'height'> & { name: string }>;

/** What most printers cannot reach at the paper's edge: no crop mark is drawn there. */
export const PRINTER_EDGE = 6;
/** Crop marks stop short of the card so that no line shows on a card cut slightly off. */
const MARK_GAP = 1;
const MARK_LENGTH = 5;
const MIN_MARK_LENGTH = 3;
/** Room around the cards for a crop mark that a printer can print: a row fewer if need be. */
export const MIN_MARGIN = PRINTER_EDGE + MARK_GAP + MIN_MARK_LENGTH;
export const MAX_COPIES = 100;

/** `bilingual` prints each card's Khmer front with its English back. */
export type PrintLanguage = Locale | 'bilingual';

/** Which language's text a side is printed in. */
export function localeOfSide(language: PrintLanguage, side: 'front' | 'back'): Locale {
	if (language !== 'bilingual') return language;
	return side === 'front' ? 'km' : 'en';
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Grid extends Box {
	columns: number;
	rows: number;
	card: { width: number; height: number };
	/** Room between two neighbouring cards: none when one cut parts them. */
	gap: { x: number; y: number };
}

/** A card on a page: which card, which copy of it, and where. */
export interface PlacedCard extends Box {
	id: string;
	copy: number;
	row: number;
	column: number;
}

/** A crop mark or a cut guide: a line from (x1, y1) to (x2, y2). */
export interface CropMark {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface PrintPage {
	side: 'front' | 'back';
	/** 1 for the first sheet of paper. */
	sheet: number;
	paper: Paper;
	size: CardSize;
	stock: Stock;
	cards: PlacedCard[];
	marks: CropMark[];
	/** Lines along every cut, over the whole grid; none on sheets cut in advance. */
	guides: CropMark[];
}

export interface PrintRequest {
	/** The chosen cards, in the order they should be printed. */
	cards: { id: string; size: CardSize }[];
	/** How many of each card. */
	copies: number;
	/** Fill the empty places of the last sheet with more copies. */
	fill: boolean;
	paper: Paper;
	/** Plain when left out. */
	stock?: Stock;
}

/** The grid of cards of this size that fits on this paper, centred. */
export function gridFor(paper: Paper, size: { width: number; height: number }): Grid {
	const sheet = papers[paper];
	const columns = Math.max(0, Math.floor((sheet.width - 2 * MIN_MARGIN) / size.width));
	const rows = Math.max(0, Math.floor((sheet.height - 2 * MIN_MARGIN) / size.height));
	const width = columns * size.width;
	const height = rows * size.height;
	return {
		columns,
		rows,
		card: size,
		gap: { x: 0, y: 0 },
		width,
		height,
		x: (sheet.width - width) / 2,
		y: (sheet.height - height) / 2
	};
}

/** The cards of a sheet cut in advance, centred on the paper as its maker places them. */
export function precutGrid(paper: Paper): Grid {
	const sheet = papers[paper];
	const { card, columns, rows, gap } = precutSheets[paper];
	const width = columns * card.width + (columns - 1) * gap.x;
	const height = rows * card.height + (rows - 1) * gap.y;
	return {
		columns,
		rows,
		card,
		gap,
		width,
		height,
		x: (sheet.width - width) / 2,
		y: (sheet.height - height) / 2
	};
}

/** Where a card's top-left corner is in the grid. */
function placeIn(grid: Grid, row: number, column: number): { x: number; y: number } {
	return {
		x: grid.x + column * (grid.card.width + grid.gap.x),
		y: grid.y + row * (grid.card.height + grid.gap.y)
	};
}

/** Copies as a whole number from 1 to MAX_COPIES, whatever was typed. */
export function clampCopies(value: number): number {
	if (!Number.isFinite(value)) return 1;
	return Math.min(MAX_COPIES, Math.max(1, Math.floor(value)));
}

/**
 * How many copies of each card to print: `copies` of each, plus, when filling, the places
 * left on the last sheet shared out from the first card on. Copies of a card stay together.
 */
export function countCopies(ids: string[], copies: number, fill: boolean, perSheet: number) {
	const wanted = clampCopies(copies);
	const counts = ids.map((id) => ({ id, count: wanted }));
	if (!fill || ids.length === 0 || perSheet === 0) return counts;
	const total = ids.length * wanted;
	const spare = Math.ceil(total / perSheet) * perSheet - total;
	counts.forEach((entry, index) => {
		entry.count += Math.floor(spare / ids.length) + (index < spare % ids.length ? 1 : 0);
	});
	return counts;
}

/** Short marks in the margins, in line with every cut, on all four sides of the grid. */
export function cropMarks(paper: Paper, grid: Grid): CropMark[] {
	const sheet = papers[paper];
	const marks: CropMark[] = [];
	const reachX = Math.min(MARK_LENGTH, grid.x - MARK_GAP - PRINTER_EDGE);
	const reachY = Math.min(MARK_LENGTH, grid.y - MARK_GAP - PRINTER_EDGE);
	const right = grid.x + grid.width;
	const bottom = grid.y + grid.height;
	for (let column = 0; column <= grid.columns; column++) {
		const x = grid.x + column * grid.card.width;
		marks.push({ x1: x, y1: grid.y - MARK_GAP - reachY, x2: x, y2: grid.y - MARK_GAP });
		marks.push({ x1: x, y1: bottom + MARK_GAP, x2: x, y2: bottom + MARK_GAP + reachY });
	}
	for (let row = 0; row <= grid.rows; row++) {
		const y = grid.y + row * grid.card.height;
		marks.push({ x1: grid.x - MARK_GAP - reachX, y1: y, x2: grid.x - MARK_GAP, y2: y });
		marks.push({ x1: right + MARK_GAP, y1: y, x2: right + MARK_GAP + reachX, y2: y });
	}
	const edge = PRINTER_EDGE - 1e-9;
	return marks.filter(
		(mark) =>
			mark.x1 >= edge &&
			mark.y1 >= edge &&
			mark.x2 <= sheet.width - edge &&
			mark.y2 <= sheet.height - edge
	);
}

/**
 * Thin lines along every cut, across the whole grid of cards edge to edge: easier to cut
 * along with scissors than marks in the margin alone, at the cost of a line on an edge cut
 * slightly off.
 */
export function cutGuides(grid: Grid): CropMark[] {
	const right = grid.x + grid.width;
	const bottom = grid.y + grid.height;
	const guides: CropMark[] = [];
	for (let column = 0; column <= grid.columns; column++) {
		const x = grid.x + column * grid.card.width;
		guides.push({ x1: x, y1: grid.y, x2: x, y2: bottom });
	}
	for (let row = 0; row <= grid.rows; row++) {
		const y = grid.y + row * grid.card.height;
		guides.push({ x1: grid.x, y1: y, x2: right, y2: y });
	}
	return guides;
}

/** Where the back of a card goes: the same row, mirrored across the sheet's middle. */
export function mirror(card: PlacedCard, paper: Paper, grid: Grid): PlacedCard {
	return {
		...card,
		column: grid.columns - 1 - card.column,
		x: papers[paper].width - card.x - card.width
	};
}

/** Every page to print, in order: the fronts of sheet 1, its backs, sheet 2's fronts, … */
export function planPrint(request: PrintRequest): PrintPage[] {
	const pages: PrintPage[] = [];
	const sizes = [...new Set(request.cards.map((card) => card.size))];
	const stock = request.stock ?? 'plain';
	for (const size of sizes) {
		const grid =
			stock === 'precut' ? precutGrid(request.paper) : gridFor(request.paper, cardSizes[size]);
		const perSheet = grid.columns * grid.rows;
		if (perSheet === 0) continue;
		const ids = request.cards.filter((card) => card.size === size).map((card) => card.id);
		const copies = countCopies(ids, request.copies, request.fill, perSheet).flatMap(
			({ id, count }) => Array.from({ length: count }, (_, copy) => ({ id, copy: copy + 1 }))
		);
		const plain = stock === 'plain';
		const marks = plain ? cropMarks(request.paper, grid) : [];
		const guides = plain ? cutGuides(grid) : [];
		for (let start = 0; start < copies.length; start += perSheet) {
			const sheet = pages.length / 2 + 1;
			const fronts = copies.slice(start, start + perSheet).map(({ id, copy }, index) => {
				const row = Math.floor(index / grid.columns);
				const column = index % grid.columns;
				return {
					id,
					copy,
					row,
					column,
					...placeIn(grid, row, column),
					width: grid.card.width,
					height: grid.card.height
				};
			});
			const common = { sheet, paper: request.paper, size, stock, marks, guides };
			pages.push({ ...common, side: 'front', cards: fronts });
			pages.push({
				...common,
				side: 'back',
				cards: fronts.map((card) => mirror(card, request.paper, grid))
			});
		}
	}
	return pages;
}
