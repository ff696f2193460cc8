import { describe, expect, it } from 'vitest';
import type { AnswerRecord, AttemptRecord } from '$lib/results/db';
import {
	dashboard,
	filterAttempts,
	mean,
	median,
	sessionTotals,
	type QuizInfo
} from '$lib/results/stats';
import { answer, attempt, DEVICE_B, session } from './records';

const pre: QuizInfo = {
	id: 'before-the-sessions',
	title: 'Before the sessions',
	locale: 'en',
	purpose: 'pre',
	pair: 'after-the-sessions',
	questions: [
		{ id: 'broker-promise', text: 'A broker promises a job…', checks: 'broker-promises' },
		{ id: 'hotline', text: 'Which number do you call?', checks: 'call-1288' },
		{ id: 'hotline-when', text: 'When do you call it?', checks: 'call-1288' },
		{ id: 'passport', text: 'What do you need to go abroad?', checks: 'valid-passport' }
	],
	messages: [
		{ id: 'broker-promises', text: "Don't trust a broker who promises you a job." },
		{ id: 'call-1288', text: 'If you are in trouble, call the 1288 hotline.' },
		{ id: 'valid-passport', text: 'Get a valid passport.' }
	]
};
const post: QuizInfo = {
	...pre,
	id: 'after-the-sessions',
	title: 'After',
	purpose: 'post',
	pair: pre.id
};

/** A finished attempt with these answers right (true) or wrong (false), in question order. */
function taken(
	rights: boolean[],
	overrides: Partial<AttemptRecord> = {}
): { attempt: AttemptRecord; answers: AnswerRecord[] } {
	const one = attempt({
		score: rights.filter(Boolean).length,
		maxScore: 4,
		...overrides
	});
	const ids = pre.questions.map((question) => question.id);
	return {
		attempt: one,
		answers: rights.map((right, index) => answer(one.uuid, ids[index]!, right))
	};
}

function build(list: { attempt: AttemptRecord; answers: AnswerRecord[] }[]) {
	return { attempts: list.map((one) => one.attempt), answers: list.flatMap((one) => one.answers) };
}

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
	const five = [
		taken([true, true, true, true]),
		taken([true, true, false, false]),
		taken([true, false, false, false]),
		taken([true, true, true, false]),
		taken([false, true, false, false])
	];

	it('gives per quiz the attempts, mean, median, distribution and % correct per question', () => {
		const open = taken([true], { status: 'unfinished', finishedAt: null, score: 1 });
		const { attempts, answers } = build([...five, open]);
		const [quiz] = dashboard(attempts, answers, [], [pre, post], {}).quizzes;
		expect(quiz).toMatchObject({
			quizId: pre.id,
			title: 'Before the sessions',
			finished: 5,
			unfinished: 1
		});
		expect(quiz!.score).toEqual({
			shown: true,
			n: 5,
			value: { mean: 2.2, median: 2, meanPercent: 55, maxScore: 4 }
		});
		expect(quiz!.distribution).toEqual({
			shown: true,
			n: 5,
			value: [0, 1, 2, 3, 4].map((score) => ({
				score,
				count: [0, 2, 1, 1, 1][score]
			}))
		});
		// Answers of the unfinished attempt count too: each was a real answer.
		expect(quiz!.questions.map((question) => [question.id, question.percentCorrect])).toEqual([
			['broker-promise', { shown: true, n: 6, value: (100 * 5) / 6 }],
			['hotline', { shown: true, n: 5, value: 80 }],
			['hotline-when', { shown: true, n: 5, value: 40 }],
			['passport', { shown: true, n: 5, value: 20 }]
		]);
		expect(quiz!.questions[1]!.text).toBe('Which number do you call?');
	});

	it('puts the least understood key messages first', () => {
		const { attempts, answers } = build(five);
		const [quiz] = dashboard(attempts, answers, [], [pre], {}).quizzes;
		expect(quiz!.messages.map((message) => [message.id, message.percentCorrect])).toEqual([
			['valid-passport', { shown: true, n: 5, value: 20 }],
			['call-1288', { shown: true, n: 5, value: 60 }],
			['broker-promises', { shown: true, n: 5, value: 80 }]
		]);
		expect(quiz!.messages[0]!.text).toBe('Get a valid passport.');
	});

	it('withholds every figure about fewer than five attempts', () => {
		const { attempts, answers } = build(five.slice(0, 4));
		const [quiz] = dashboard(attempts, answers, [], [pre], {}).quizzes;
		expect(quiz!.finished).toBe(4);
		expect(quiz!.score).toEqual({ shown: false, n: 4 });
		expect(quiz!.distribution).toEqual({ shown: false, n: 4 });
		for (const question of quiz!.questions) expect(question.percentCorrect.shown).toBe(false);
		for (const message of quiz!.messages) expect(message.percentCorrect.shown).toBe(false);
	});

	it('lists questions a quiz no longer has, without a text', () => {
		const one = taken([true, true, true, true]);
		one.answers.push(answer(one.attempt.uuid, 'removed-question', true));
		const [quiz] = dashboard([one.attempt], one.answers, [], [pre], {}).quizzes;
		expect(quiz!.questions.at(-1)).toMatchObject({ id: 'removed-question', text: null });
	});

	it('filters by quiz, class, device and time', () => {
		const list = [
			attempt({ classLabel: 'A', startedAt: '2025-03-01T02:00:00.000Z' }),
			attempt({ classLabel: 'B', startedAt: '2025-03-02T02:00:00.000Z', deviceId: DEVICE_B }),
			attempt({ classLabel: 'A', startedAt: '2025-03-03T02:00:00.000Z', quizId: 'other' })
		];
		const uuids = (filters: Parameters<typeof filterAttempts>[1]) =>
			filterAttempts(list, filters).map((one) => list.indexOf(one));
		expect(uuids({})).toEqual([0, 1, 2]);
		expect(uuids({ classLabel: 'A' })).toEqual([0, 2]);
		expect(uuids({ deviceId: DEVICE_B })).toEqual([1]);
		expect(uuids({ quizId: 'other' })).toEqual([2]);
		expect(uuids({ from: '2025-03-02T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' })).toEqual([
			1
		]);
		expect(dashboard(list, [], [], [pre], { classLabel: 'B' }).attempts).toBe(1);
	});
});

describe('pre against post', () => {
	// Percent of 4: pre 25, 50, 50, 75, 25 → 45; post 75, 100, 50, 100, 75 → 80.
	const before = [1, 2, 2, 3, 1].map((score, index) =>
		attempt({ score, pairingCode: `K-0${index + 1}-2` })
	);
	const after = [3, 4, 2, 4, 3].map((score, index) =>
		attempt({ score, quizId: post.id, purpose: 'post', pairingCode: `K-0${index + 1}-2` })
	);

	it('gives both means and the gain in percentage points, and the gain of matched pairs', () => {
		const [pair] = dashboard([...before, ...after], [], [], [pre, post], {}).prePost;
		expect(pair!.pre).toEqual({ id: pre.id, title: pre.title, locale: 'en' });
		expect(pair!.preMean).toEqual({ shown: true, n: 5, value: 45 });
		expect(pair!.postMean).toEqual({ shown: true, n: 5, value: 80 });
		expect(pair!.gain).toEqual({ shown: true, n: 5, value: 35 });
		expect(pair!.pairedGain).toEqual({ shown: true, n: 5, value: { pre: 45, post: 80, gain: 35 } });
	});

	it('matches codes only within a class, and leaves out a code made twice on one side', () => {
		const moved = after.map((one, index) => (index === 0 ? { ...one, classLabel: 'Other' } : one));
		const twice = [...before, { ...before[1]!, uuid: attempt().uuid }];
		const [pair] = dashboard([...twice, ...moved], [], [], [pre, post], {}).prePost;
		// Pair 1 is in another class, pair 2's code was made twice before: three pairs are left.
		expect(pair!.pairedGain).toEqual({ shown: false, n: 3 });
		expect(pair!.preMean.n).toBe(6);
	});

	it('withholds the comparison while either side has fewer than five', () => {
		const [pair] = dashboard([...before, ...after.slice(0, 3)], [], [], [pre, post], {}).prePost;
		expect(pair!.preMean.shown).toBe(true);
		expect(pair!.postMean).toEqual({ shown: false, n: 3 });
		expect(pair!.gain).toEqual({ shown: false, n: 3 });
	});

	it('is shown for a pair when the quiz filter names either of its quizzes, and not for another', () => {
		const all = [...before, ...after];
		expect(dashboard(all, [], [], [pre, post], { quizId: post.id }).prePost).toHaveLength(1);
		expect(dashboard(all, [], [], [pre, post], { quizId: 'other' }).prePost).toHaveLength(0);
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
		expect(
			sessionTotals(sessions, { from: '2025-03-05T00:00:00.000Z', to: '2025-03-11T00:00:00.000Z' })
				.held
		).toBe(2);
	});
});
