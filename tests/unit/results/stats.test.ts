import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairingCode } from '$lib/quiz/pairing';
import type { Attempt } from '$lib/results/attempt';
import {
	dashboard,
	dayOf,
	mean,
	median,
	prepareStats,
	selectView,
	sessionTotals,
	type Filters,
	type StatsBase
} from '$lib/results/stats';
import { answersOf, attempt, DEVICE_B, postQuiz, preQuiz, session } from './records';

const quizzes = [preQuiz, postQuiz];

/** A finished pre attempt with these answers right, on day `day` of March 2025. */
function taken(rights: boolean[], overrides: Partial<Attempt> = {}, day = 3): Attempt {
	const startedAt = `2025-03-${String(day).padStart(2, '0')}T01:20:00.000Z`;
	return attempt({
		answers: answersOf(rights),
		startedAt,
		finishedAt: startedAt.replace('20:00', '31:00'),
		...overrides
	});
}

const five = () => [
	taken([true, true, true, true]),
	taken([true, true, false, false]),
	taken([true, false, false, false]),
	taken([true, true, true, false]),
	taken([false, true, false, false])
];

const view = (attempts: Attempt[], filters: Filters = {}) =>
	dashboard(prepareStats(attempts, quizzes), [], filters);

describe('mean and median', () => {
	it('are the usual ones, and not a number for no values', () => {
		expect(mean([1, 2, 3, 6])).toBe(3);
		expect(median([4, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(mean([])).toBeNaN();
		expect(median([])).toBeNaN();
	});
});

describe('the dashboard', () => {
	it('gives per quiz the attempts, mean, median, distribution and % correct per question', () => {
		const open = taken([true], { status: 'unfinished', finishedAt: null });
		const result = view([...five(), open]);
		const [quiz] = result.quizzes;
		expect(quiz).toMatchObject({ quizId: preQuiz.id, title: 'Before the sessions', finished: 5 });
		expect(quiz!.score).toEqual({
			shown: true,
			n: 5,
			value: { mean: 2.2, median: 2, meanPercent: 55, maxScore: 4 }
		});
		expect(quiz!.distribution).toEqual({
			shown: true,
			n: 5,
			value: [0, 1, 2, 3, 4].map((score) => ({ score, count: [0, 2, 1, 1, 1][score] }))
		});
		// Only finished attempts count: the open one's answer is in no figure.
		expect(quiz!.questions.map((question) => [question.id, question.percentCorrect])).toEqual([
			['broker-promise', { shown: true, n: 5, value: 80 }],
			['hotline', { shown: true, n: 5, value: 80 }],
			['hotline-when', { shown: true, n: 5, value: 40 }],
			['passport', { shown: true, n: 5, value: 20 }]
		]);
		expect(result).toMatchObject({ attempts: 5, unfinished: 1, withheld: 0, devices: 1 });
	});

	it('puts the least understood key messages first', () => {
		const [quiz] = view(five()).quizzes;
		expect(quiz!.messages.map((message) => [message.id, message.percentCorrect])).toEqual([
			['valid-passport', { shown: true, n: 5, value: 20 }],
			['call-1288', { shown: true, n: 5, value: 60 }],
			['broker-promises', { shown: true, n: 5, value: 80 }]
		]);
	});

	it('gives an item analysis per version of the quiz, with its reliability and flags', () => {
		const [quiz] = view(five()).quizzes;
		expect(quiz!.forms).toHaveLength(1);
		const form = quiz!.forms[0]!;
		expect(form).toMatchObject({ quizVersion: preQuiz.versions[0], current: true });
		if (!form.analysis.shown) throw new Error('expected the form to be shown');
		expect(form.analysis.value.items.map((item) => [item.id, item.facility, item.text])).toEqual([
			['broker-promise', 0.8, 'A broker promises a job…'],
			['hotline', 0.8, 'Which number do you call?'],
			['hotline-when', 0.4, 'When do you call it?'],
			['passport', 0.2, 'Put the steps in order']
		]);
		expect(form.analysis.value.reliability).not.toBeNull();
	});

	it('withholds a class whose attempts at a version never reach five, and counts them as withheld', () => {
		const small = five()
			.slice(0, 4)
			.map((one) => ({ ...one, classLabel: 'Grade 9' }));
		const result = view([...five(), ...small]);
		expect(result.attempts).toBe(5);
		expect(result.withheld).toBe(4);
		expect(view(small).quizzes).toEqual([]);
		expect(view([...five(), ...small], { classLabel: 'Grade 9' })).toMatchObject({
			attempts: 0,
			withheld: 4,
			quizzes: []
		});
	});

	it('lists questions of an earlier version that the quiz no longer has, without a text', () => {
		const earlier = Array.from({ length: 5 }, () =>
			taken([true], {
				quizVersion: '0123abcd',
				maxScore: 2,
				answers: [
					...answersOf([true]),
					{ questionId: 'removed-question', given: ['a'], correct: true, ms: 1 }
				]
			})
		);
		const [quiz] = view(earlier).quizzes;
		expect(quiz!.questions.at(-1)).toMatchObject({
			id: 'removed-question',
			text: null,
			percentCorrect: { shown: true, n: 5, value: 100 }
		});
		expect(quiz!.forms[0]).toMatchObject({ quizVersion: '0123abcd', current: false });
	});

	it('filters by quiz, class and days, and counts devices instead of filtering by them', () => {
		const a = five().map((one) => ({ ...one, classLabel: 'A' }));
		const b = five().map((one) => ({ ...one, classLabel: 'B', deviceId: DEVICE_B }));
		const all = [...a, ...b];
		expect(view(all).attempts).toBe(10);
		expect(view(all).devices).toBe(2);
		expect(view(all, { classLabel: 'A' }).attempts).toBe(5);
		expect(view(all, { quizId: postQuiz.id }).attempts).toBe(0);
		expect(view(all, { from: '2025-03-03', to: '2025-03-03' }).attempts).toBe(10);
		expect(view(all, { from: '2025-03-04' }).attempts).toBe(0);
	});
});

describe('cells: the smallest groups any figure is about', () => {
	it('merge days until a period holds five attempts, a short tail joining the last period', () => {
		const days = [1, 1, 1, 2, 2, 2, 4, 4, 9, 9, 9, 9, 9, 10];
		const base = prepareStats(
			days.map((day) => taken([true, true, true, true], {}, day)),
			quizzes
		);
		expect(base.cells.map((cell) => [cell.firstDay, cell.lastDay, cell.attempts.length])).toEqual([
			['2025-03-01', '2025-03-02', 6],
			['2025-03-04', '2025-03-10', 8]
		]);
	});

	it('are taken whole by a date range, by their first day', () => {
		const days = [1, 1, 1, 2, 2, 2, 4, 4, 9, 9, 9, 9, 9, 10];
		const list = days.map((day) => taken([true, true, true, true], {}, day));
		expect(view(list, { to: '2025-03-01' }).attempts).toBe(6);
		expect(view(list, { from: '2025-03-02' }).attempts).toBe(8);
		expect(view(list, { from: '2025-03-02', to: '2025-03-03' }).attempts).toBe(0);
	});

	it('defeat the differencing attack: "all days" and "to Monday" no longer differ by one student', () => {
		// Six students on Monday 3 March, one more on Tuesday: his score was their difference.
		const monday = Array.from({ length: 6 }, () => taken([true, true, false, false], {}, 3));
		const tuesday = taken([false, false, false, false], {}, 4);
		const all = view([...monday, tuesday]);
		const toMonday = view([...monday, tuesday], { to: '2025-03-03' });
		expect(toMonday.attempts).toBe(all.attempts);
		expect(toMonday.quizzes).toEqual(all.quizzes);
	});

	it('use the trainer’s days: 06:30 in Phnom Penh is the day before in UTC', () => {
		expect(dayOf('2025-03-02T23:30:00.000Z')).toBe('2025-03-02');
		expect(dayOf('2025-03-02T23:30:00.000Z', 420)).toBe('2025-03-03');
		const early = Array.from({ length: 5 }, () =>
			taken([true, true, true, true], {
				startedAt: '2025-03-02T23:30:00.000Z',
				finishedAt: '2025-03-02T23:40:00.000Z'
			})
		);
		expect(prepareStats(early, quizzes, { offsetMinutes: 420 }).cells[0]!.firstDay).toBe(
			'2025-03-03'
		);
	});
});

describe('pre against post', () => {
	// Percent of 4: pre 25, 50, 50, 75, 25 → 45; post 75, 100, 50, 100, 75 → 80.
	const rights = (score: number) => [0, 1, 2, 3].map((index) => index < score);
	const pre = (scores: number[], codes: (string | null)[], classLabel = 'Grade 8B') =>
		scores.map((score, index) =>
			taken(rights(score), { pairingCode: codes[index] ?? null, classLabel }, 3)
		);
	const post = (scores: number[], codes: (string | null)[], classLabel = 'Grade 8B') =>
		scores.map((score, index) =>
			taken(
				rights(score),
				{
					quizId: postQuiz.id,
					quizVersion: postQuiz.versions[0],
					purpose: 'post',
					pairingCode: codes[index] ?? null,
					classLabel
				},
				20
			)
		);
	const codes = ['K-01-2', 'K-02-2', 'K-03-2', 'K-04-2', 'K-05-2'];

	it('gives both means, the gain with its interval, and the paired gain of matched students', () => {
		const [pair] = view([...pre([1, 2, 2, 3, 1], codes), ...post([3, 4, 2, 4, 3], codes)]).prePost;
		expect(pair!.pre).toEqual({ id: preQuiz.id, title: preQuiz.title, locale: 'en' });
		expect(pair!.preMean).toEqual({ shown: true, n: 5, value: 45 });
		expect(pair!.postMean).toEqual({ shown: true, n: 5, value: 80 });
		expect(pair!.gain).toMatchObject({
			shown: true,
			n: 5,
			value: { value: 35, conclusion: 'too-few' }
		});
		expect(pair!.paired).toMatchObject({
			shown: true,
			n: 5,
			value: { pre: 45, post: 80, gain: { value: 35, n: 5, df: 4, conclusion: 'too-few' } }
		});
	});

	it('pairs a pre-quiz taken in Khmer with the same students’ post-quiz taken in English', () => {
		// Each student picks the first letter of their mother's name in the quiz's own script.
		const made = (letter: string) =>
			[1, 2, 3, 4, 5].map((month) => pairingCode({ letter, month, siblings: '2' }));
		const before = pre([1, 2, 2, 3, 1], made('ក')).map((taken) => ({
			...taken,
			locale: 'km' as const
		}));
		const after = post([3, 4, 2, 4, 3], made('K'));
		const [pair] = view([...before, ...after]).prePost;
		expect(pair!.paired).toMatchObject({ shown: true, n: 5 });
	});

	it('matches codes only within a class, leaves out a code made twice, and uses blocks of five only', () => {
		const before = pre([1, 2, 2, 3, 1, 2], [...codes, 'K-02-2']);
		const after = post([3, 4, 2, 4, 3], codes);
		// K-02-2 was made twice before: four pairs are left, fewer than a block of five.
		const [pair] = view([...before, ...after]).prePost;
		expect(pair!.paired).toEqual({ shown: false, n: 0 });
		expect(pair!.preMean.n).toBe(6);
	});

	it('drops a block that would leave one to four of its cell unmatched', () => {
		// Seven pre attempts in one cell, five matched: the two left would be the cell minus the
		// block. With two more matched, all seven are in the block and it is used.
		const more = [...codes, 'K-06-2', 'K-07-2'];
		const five = view([...pre([1, 2, 2, 3, 1, 2, 2], more), ...post([3, 4, 2, 4, 3], codes)]);
		expect(five.prePost[0]!.paired).toEqual({ shown: false, n: 0 });
		const seven = view([...pre([1, 2, 2, 3, 1, 2, 2], more), ...post([3, 4, 2, 4, 3, 3, 3], more)]);
		expect(seven.prePost[0]!.paired).toMatchObject({ shown: true, n: 7 });
	});

	it('withholds the comparison while either side has fewer than five', () => {
		const [pair] = view([...pre([1, 2, 2, 3, 1], codes), ...post([3, 4, 2], codes)]).prePost;
		expect(pair!.preMean.shown).toBe(true);
		expect(pair!.postMean).toEqual({ shown: false, n: 0 });
		expect(pair!.gain).toEqual({ shown: false, n: 0 });
	});

	it('is shown for a pair when the quiz filter names either of its quizzes, and not for another', () => {
		const all = [...pre([1, 2, 2, 3, 1], codes), ...post([3, 4, 2, 4, 3], codes)];
		expect(view(all, { quizId: postQuiz.id }).prePost).toHaveLength(1);
		expect(view(all, { quizId: 'other' }).prePost).toHaveLength(0);
	});
});

describe('privacy by construction', () => {
	const classes = ['A', 'B'];
	const versions = [preQuiz.versions[0]!, preQuiz.versions[0]!, '0123abcd'];
	// A class mostly sits a quiz together, on its day; a few students on another day.
	const sitting = (days: [number, number]) =>
		fc.option(
			fc.record({
				together: fc.integer({ min: 0, max: 4 }).map((draw) => draw > 0),
				day: fc.integer({ min: days[0], max: days[1] }),
				rights: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
				finished: fc.integer({ min: 0, max: 9 }).map((draw) => draw > 0)
			}),
			{ nil: undefined, freq: 6 }
		);
	// Students of two classes, each with a pairing code (sometimes another's, sometimes none),
	// who sit the pre quiz early in the month and the post quiz later, or miss one.
	const studentArb = fc.record({
		classIndex: fc.integer({ min: 0, max: classes.length - 1 }),
		code: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 8 }),
		version: fc.constantFrom(...versions),
		pre: sitting([1, 5]),
		post: sitting([4, 9])
	});
	const attemptsArb = fc
		.tuple(
			fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 4, max: 9 })), {
				minLength: classes.length,
				maxLength: classes.length
			}),
			fc
				.integer({ min: 0, max: 50 })
				.chain((count) => fc.array(studentArb, { minLength: count, maxLength: count }))
		)
		.map(([days, students]) =>
			students.flatMap(({ classIndex, code, version, pre, post }) => {
				const classLabel = classes[classIndex]!;
				const [preDay, postDay] = days[classIndex]!;
				const pairingCode =
					code === null
						? null
						: `K-${String((code % 12) + 1).padStart(2, '0')}-${Math.floor(code / 12)}`;
				const end = (finished: boolean) =>
					finished ? {} : { status: 'unfinished' as const, finishedAt: null };
				const list: Attempt[] = [];
				if (pre) {
					const day = pre.together ? preDay : pre.day;
					list.push(
						taken(
							pre.rights,
							{ classLabel, quizVersion: version, pairingCode, ...end(pre.finished) },
							day
						)
					);
				}
				if (post) {
					const day = post.together ? postDay : post.day;
					const quiz = {
						quizId: postQuiz.id,
						quizVersion: postQuiz.versions[0],
						purpose: 'post' as const
					};
					list.push(
						taken(post.rights, { classLabel, ...quiz, pairingCode, ...end(post.finished) }, day)
					);
				}
				return list;
			})
		);
	const day = fc.option(
		fc.integer({ min: 1, max: 9 }).map((d) => `2025-03-0${d}`),
		{ nil: undefined }
	);
	const filtersArb = fc.record({
		quizId: fc.option(fc.constantFrom(preQuiz.id, postQuiz.id), { nil: undefined }),
		classLabel: fc.option(fc.constantFrom(...classes), { nil: undefined }),
		from: day,
		to: day
	});

	/** Every set of attempts a view's figures are about, by what the figure is. */
	function figureSets(base: StatsBase, filters: Filters): Map<string, Set<string>> {
		const selection = selectView(base, filters);
		const sets = new Map<string, Set<string>>();
		const add = (name: string, uuids: string[]) => sets.set(name, new Set(uuids));
		const uuids = (attempts: Attempt[]) => attempts.map((one) => one.uuid);
		add('all', uuids(selection.cells.flatMap((cell) => cell.attempts)));
		for (const quizId of [preQuiz.id, postQuiz.id]) {
			const cells = selection.cells.filter((cell) => cell.quizId === quizId);
			add(`quiz ${quizId}`, uuids(cells.flatMap((cell) => cell.attempts)));
			for (const version of new Set(cells.map((cell) => cell.quizVersion))) {
				add(
					`form ${quizId} ${version}`,
					uuids(
						cells.filter((cell) => cell.quizVersion === version).flatMap((cell) => cell.attempts)
					)
				);
			}
			add(
				`side ${quizId}`,
				uuids(
					selection.group.filter((cell) => cell.quizId === quizId).flatMap((cell) => cell.attempts)
				)
			);
		}
		const pairs = selection.blocks.flatMap((block) => block.pairs);
		add(
			'paired pre',
			pairs.map((pair) => pair.pre.uuid)
		);
		add(
			'paired post',
			pairs.map((pair) => pair.post.uuid)
		);
		return sets;
	}

	const difference = (a: Set<string>, b: Set<string>) => {
		let count = 0;
		for (const uuid of a) if (!b.has(uuid)) count += 1;
		for (const uuid of b) if (!a.has(uuid)) count += 1;
		return count;
	};

	it('no two figures, in one view or two differently filtered, are about groups differing by 1–4 attempts', () => {
		let withPairs = 0;
		fc.assert(
			fc.property(attemptsArb, filtersArb, filtersArb, (attempts, first, second) => {
				const base = prepareStats(attempts, quizzes);
				if (base.blocks.length > 0) withPairs += 1;
				const sets = [...figureSets(base, first).values(), ...figureSets(base, second).values()];
				for (const a of sets) {
					for (const b of sets) {
						const differ = difference(a, b);
						if (differ > 0 && differ < 5)
							throw new Error(`two figures differ by ${differ} attempts`);
					}
				}
			}),
			{ numRuns: 400 }
		);
		// The data made paired blocks often enough for the paired figures to have been tried.
		expect(withPairs).toBeGreaterThan(40);
	});

	it('the dashboard’s figures are about exactly those sets', () => {
		fc.assert(
			fc.property(attemptsArb, filtersArb, (attempts, filters) => {
				const base = prepareStats(attempts, quizzes);
				const sets = figureSets(base, filters);
				const result = dashboard(base, [], filters);
				expect(result.attempts).toBe(sets.get('all')!.size);
				for (const quiz of result.quizzes) {
					expect(quiz.finished).toBe(sets.get(`quiz ${quiz.quizId}`)!.size);
					for (const question of quiz.questions) {
						expect(question.percentCorrect.n).toBe(quiz.finished);
					}
					for (const form of quiz.forms) {
						expect(form.analysis.n).toBe(sets.get(`form ${quiz.quizId} ${form.quizVersion}`)!.size);
					}
				}
				for (const pair of result.prePost) {
					expect(pair.preMean.n).toBe(sets.get(`side ${preQuiz.id}`)!.size);
					expect(pair.postMean.n).toBe(sets.get(`side ${postQuiz.id}`)!.size);
					expect(pair.paired.n).toBe(sets.get('paired pre')!.size);
				}
				// Everything finished is either in a cell or withheld; nothing is in both.
				const finished = attempts.filter((one) => one.status === 'finished').length;
				const inCells = base.cells.reduce((sum, cell) => sum + cell.attempts.length, 0);
				const withheld = base.withheld.reduce((sum, series) => sum + series.count, 0);
				expect(inCells + withheld).toBe(finished);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('session totals', () => {
	it('count sessions held and students reached, girls and boys where counted', () => {
		const sessions = [
			session({ students: 30, girls: 16, boys: 14 }),
			session({ students: 25, girls: null, boys: null, date: '2025-03-10' }),
			session({ students: 20, classLabel: 'Grade 9A', date: '2025-03-10' })
		];
		expect(sessionTotals(sessions, {})).toEqual({
			held: 3,
			students: 75,
			girls: 32,
			boys: 28,
			counted: 2
		});
		expect(sessionTotals(sessions, { classLabel: 'Grade 9A' }).students).toBe(20);
		expect(sessionTotals(sessions, { from: '2025-03-05', to: '2025-03-10' }).held).toBe(2);
		expect(sessionTotals(sessions, { to: '2025-03-09' }).held).toBe(1);
	});
});
