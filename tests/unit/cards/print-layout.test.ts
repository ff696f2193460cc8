import { describe, expect, it } from 'vitest';
import {
	clampCopies,
	countCopies,
	cropMarks,
	cutGuides,
	gridFor,
	localeOfSide,
	papers,
	planPrint,
	precutGrid,
	type PrintRequest
} from '$lib/cards/print-layout';

const card = { width: 85.6, height: 54 };
const request = (changes: Partial<PrintRequest> = {}): PrintRequest => ({
	cards: ['a', 'b', 'c', 'd'].map((id) => ({ id, size: 'credit-card' as const })),
	copies: 5,
	fill: false,
	paper: 'a4',
	...changes
});
const close = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 6);

describe('the grid of cards on a sheet', () => {
	it('puts ten credit cards on A4, 2 across and 5 down, centred with equal margins', () => {
		const grid = gridFor('a4', card);
		expect([grid.columns, grid.rows]).toEqual([2, 5]);
		close(grid.x, 19.4);
		close(grid.y, 13.5);
		close(210 - grid.x - grid.width, 19.4);
		close(297 - grid.y - grid.height, 13.5);
	});

	it('puts eight on US Letter: a fifth row would leave no printable room for the crop marks', () => {
		const grid = gridFor('letter', card);
		expect([grid.columns, grid.rows]).toEqual([2, 4]);
		close(grid.x, 22.35);
		close(grid.y, 31.7);
	});

	it('fits other sizes by the same rule: playing cards go 3 by 3 on A4', () => {
		const grid = gridFor('a4', { width: 63, height: 88 });
		expect([grid.columns, grid.rows]).toEqual([3, 3]);
	});
});

describe('how many copies are printed', () => {
	it('prints the copies asked for, each card together', () => {
		expect(countCopies(['a', 'b'], 3, false, 10)).toEqual([
			{ id: 'a', count: 3 },
			{ id: 'b', count: 3 }
		]);
	});

	it('fills the last sheet by sharing its empty places out, first cards first', () => {
		expect(countCopies(['a', 'b', 'c'], 1, true, 10)).toEqual([
			{ id: 'a', count: 4 },
			{ id: 'b', count: 3 },
			{ id: 'c', count: 3 }
		]);
		expect(countCopies(['a', 'b', 'c', 'd'], 5, true, 10).map((entry) => entry.count)).toEqual([
			5, 5, 5, 5
		]);
	});

	it('takes whatever is typed as a whole number from 1 to 100', () => {
		expect(clampCopies(0)).toBe(1);
		expect(clampCopies(-3)).toBe(1);
		expect(clampCopies(Number.NaN)).toBe(1);
		expect(clampCopies(2.7)).toBe(2);
		expect(clampCopies(1e9)).toBe(100);
		expect(clampCopies(Number.POSITIVE_INFINITY)).toBe(1);
	});
});

describe('the pages to print', () => {
	it('gives 4 cards × 5 copies as two sheets: front, back, front, back', () => {
		const pages = planPrint(request());
		expect(pages.map((page) => `${page.sheet}${page.side}`)).toEqual([
			'1front',
			'1back',
			'2front',
			'2back'
		]);
		expect(pages.map((page) => page.cards.length)).toEqual([10, 10, 10, 10]);
		expect(pages[0]!.cards.slice(0, 6).map((placed) => `${placed.id}${placed.copy}`)).toEqual([
			'a1',
			'a2',
			'a3',
			'a4',
			'a5',
			'b1'
		]);
	});

	it('places fronts row by row, left to right', () => {
		const [front] = planPrint(request());
		const third = front!.cards[2]!;
		expect([third.row, third.column]).toEqual([1, 0]);
		close(third.x, 19.4);
		close(third.y, 67.5);
		const second = front!.cards[1]!;
		close(second.x, 105);
		close(second.y, 13.5);
	});

	it('puts each back behind its front for long-edge duplex: same row, columns swapped', () => {
		for (const paper of ['a4', 'letter'] as const) {
			const [front, back] = planPrint(request({ paper }));
			const width = paper === 'a4' ? 210 : 215.9;
			front!.cards.forEach((placed, index) => {
				const behind = back!.cards[index]!;
				expect([behind.id, behind.copy, behind.row]).toEqual([placed.id, placed.copy, placed.row]);
				expect(behind.column).toBe(1 - placed.column);
				close(behind.x, width - placed.x - placed.width);
				close(behind.y, placed.y);
			});
		}
	});

	it('leaves the rest of the last sheet empty unless asked to fill it', () => {
		const pages = planPrint(request({ copies: 3 }));
		expect(pages.map((page) => page.cards.length)).toEqual([10, 10, 2, 2]);
		const filled = planPrint(request({ copies: 3, fill: true }));
		expect(filled.map((page) => page.cards.length)).toEqual([10, 10, 10, 10]);
	});

	it('prints nothing when no card is chosen', () => {
		expect(planPrint(request({ cards: [] }))).toEqual([]);
	});
});

describe('crop marks', () => {
	it('marks every cut line on both sides of the grid, outside the cards', () => {
		const grid = gridFor('a4', card);
		const marks = cropMarks('a4', grid);
		// 3 vertical cuts × top and bottom, 6 horizontal cuts × left and right.
		expect(marks).toHaveLength(3 * 2 + 6 * 2);
		for (const mark of marks) {
			const inside = (x: number, y: number) =>
				x > grid.x && x < grid.x + grid.width && y > grid.y && y < grid.y + grid.height;
			expect(inside(mark.x1, mark.y1) || inside(mark.x2, mark.y2)).toBe(false);
		}
		const top = marks.filter((mark) => mark.x1 === mark.x2 && mark.y2 <= grid.y);
		expect(top.map((mark) => mark.x1.toFixed(1))).toEqual(['19.4', '105.0', '190.6']);
	});

	it('stay 6 mm or more from every edge of the paper, where printers can print', () => {
		for (const paper of ['a4', 'letter'] as const) {
			const marks = cropMarks(paper, gridFor(paper, card));
			expect(marks).toHaveLength(paper === 'a4' ? 18 : 16);
			for (const mark of marks) {
				expect(Math.min(mark.x1, mark.y1, mark.x2, mark.y2)).toBeGreaterThanOrEqual(6);
				expect(Math.max(mark.x1, mark.x2)).toBeLessThanOrEqual(papers[paper].width - 6);
				expect(Math.max(mark.y1, mark.y2)).toBeLessThanOrEqual(papers[paper].height - 6);
				expect(Math.hypot(mark.x2 - mark.x1, mark.y2 - mark.y1)).toBeGreaterThanOrEqual(3);
			}
		}
	});
});

describe('cut guides', () => {
	it('run along every cut, across the whole grid, and nowhere else', () => {
		const grid = gridFor('a4', card);
		const guides = cutGuides(grid);
		// 3 lines down and 6 across.
		expect(guides).toHaveLength(3 + 6);
		for (const guide of guides) {
			expect(Math.min(guide.x1, guide.x2)).toBeGreaterThanOrEqual(grid.x - 1e-9);
			expect(Math.max(guide.x1, guide.x2)).toBeLessThanOrEqual(grid.x + grid.width + 1e-9);
			expect(Math.min(guide.y1, guide.y2)).toBeGreaterThanOrEqual(grid.y - 1e-9);
			expect(Math.max(guide.y1, guide.y2)).toBeLessThanOrEqual(grid.y + grid.height + 1e-9);
		}
		const down = guides.filter((guide) => guide.x1 === guide.x2);
		expect(down.map((guide) => guide.x1.toFixed(1))).toEqual(['19.4', '105.0', '190.6']);
		expect(down.every((guide) => guide.y2 - guide.y1 === grid.height)).toBe(true);
	});
});

describe('sheets of business cards cut in advance', () => {
	it('puts ten cards of 85 × 54 mm on A4 with a 10 mm gap between the columns', () => {
		const [front] = planPrint(
			request({ stock: 'precut', copies: 10, cards: request().cards.slice(0, 1) })
		);
		expect(front!.cards.map((placed) => [placed.row, placed.column])).toEqual(
			[0, 1, 2, 3, 4].flatMap((row) => [
				[row, 0],
				[row, 1]
			])
		);
		for (const placed of front!.cards) {
			close(placed.width, 85);
			close(placed.height, 54);
			close(placed.x, placed.column === 0 ? 15 : 110);
			close(placed.y, 13.5 + 54 * placed.row);
		}
	});

	it('puts ten cards of 3.5 × 2 in on Letter, edge to edge, 0.75 in and 0.5 in from the edges', () => {
		const grid = precutGrid('letter');
		expect([grid.columns, grid.rows]).toEqual([2, 5]);
		close(grid.x, 0.75 * 25.4);
		close(grid.y, 0.5 * 25.4);
		const [front, back] = planPrint(request({ stock: 'precut', paper: 'letter' }));
		expect(front!.cards).toHaveLength(10);
		close(front!.cards[1]!.x, (0.75 + 3.5) * 25.4);
		close(front!.cards[2]!.y, 2.5 * 25.4);
		close(front!.cards[0]!.width, 88.9);
		close(front!.cards[0]!.height, 50.8);
		// The back of each card is behind its front, as on plain paper.
		front!.cards.forEach((placed, index) => {
			close(back!.cards[index]!.x, 215.9 - placed.x - placed.width);
		});
	});

	it('has no crop marks or guides: the sheet is cut already', () => {
		for (const paper of ['a4', 'letter'] as const) {
			const pages = planPrint(request({ stock: 'precut', paper }));
			expect(pages.map((page) => [page.stock, page.marks.length, page.guides.length])).toEqual(
				pages.map(() => ['precut', 0, 0])
			);
		}
		const [plain] = planPrint(request());
		expect([plain!.stock, plain!.marks.length, plain!.guides.length]).toEqual(['plain', 18, 9]);
	});
});

describe('the language of each side', () => {
	it('prints both sides in the chosen language, or Khmer in front and English behind', () => {
		expect([localeOfSide('en', 'front'), localeOfSide('en', 'back')]).toEqual(['en', 'en']);
		expect([localeOfSide('km', 'front'), localeOfSide('km', 'back')]).toEqual(['km', 'km']);
		expect([localeOfSide('bilingual', 'front'), localeOfSide('bilingual', 'back')]).toEqual([
			'km',
			'en'
		]);
	});
});
