import { describe, expect, it } from 'vitest';
import { newSeed, presentedOrder, seededRandom, shuffled } from '$lib/quiz/shuffle';
import { multiple, order, single, trueFalse } from './questions';

describe('option order from a seed', () => {
	it('comes back the same for the same seed, so a resumed attempt looks the same', () => {
		for (const seed of [1, 42, 123456789, 0xffffffff]) {
			expect(presentedOrder(single, seed)).toEqual(presentedOrder(single, seed));
			expect(presentedOrder(order, seed)).toEqual(presentedOrder(order, seed));
		}
	});

	it('keeps every option exactly once', () => {
		for (let seed = 0; seed < 50; seed++) {
			expect([...presentedOrder(multiple, seed)].sort()).toEqual(['a', 'b', 'c', 'd']);
		}
	});

	it('differs between seeds, and between questions with the same seed', () => {
		const orders = new Set(
			Array.from({ length: 40 }, (_, seed) => presentedOrder(single, seed).join(''))
		);
		expect(orders.size).toBeGreaterThan(10);
		const questions = new Set(
			Array.from({ length: 20 }, (_, index) =>
				presentedOrder({ ...single, id: `question-${index}` }, 7).join('')
			)
		);
		expect(questions.size).toBeGreaterThan(5);
	});

	it('shuffles true and false like the other types, the same way again for the same seed', () => {
		const falseFirst = Array.from({ length: 400 }, (_, seed) => presentedOrder(trueFalse, seed))
			.map((shown, seed) => {
				expect(presentedOrder(trueFalse, seed)).toEqual(shown);
				expect([...shown].sort()).toEqual(['a', 'b']);
				return shown[0] === 'b';
			})
			.filter(Boolean).length;
		expect(falseFirst).toBeGreaterThan(150);
		expect(falseFirst).toBeLessThan(250);
	});

	it('never starts an order question already solved', () => {
		const three = { ...order, options: order.options.slice(0, 3), correct: ['a', 'b', 'c'] };
		for (let seed = 0; seed < 500; seed++) {
			expect(presentedOrder(three, seed)).not.toEqual(['a', 'b', 'c']);
		}
	});

	it('puts each option first about as often as the others', () => {
		const firsts = new Map<string, number>();
		for (let seed = 0; seed < 4000; seed++) {
			const first = shuffled(['a', 'b', 'c', 'd'], seededRandom(seed * 2654435761))[0]!;
			firsts.set(first, (firsts.get(first) ?? 0) + 1);
		}
		for (const count of firsts.values()) expect(count).toBeGreaterThan(850);
	});

	it('draws new seeds from the crypto source, as 32-bit numbers', () => {
		const seeds = new Set(Array.from({ length: 20 }, newSeed));
		expect(seeds.size).toBe(20);
		for (const seed of seeds)
			expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
	});
});
