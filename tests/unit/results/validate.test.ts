import { describe, expect, it } from 'vitest';
import type { Attempt } from '$lib/results/attempt';
import {
	quizCatalogue,
	validateAttempt,
	validateAttempts,
	type AttemptProblemCode
} from '$lib/results/validate';
import { answersOf, attempt, EXPORTED_AT, postQuiz, preQuiz } from './records';

const catalogue = quizCatalogue([preQuiz, postQuiz]);
const context = { exportedAt: EXPORTED_AT, now: new Date('2025-06-01T00:00:00Z') };

const problemOf = (one: Attempt) => {
	const result = validateAttempt(one, catalogue, context);
	return result.ok ? undefined : [result.problem.code, result.problem.path];
};

const withAnswer = (index: number, change: Partial<Attempt['answers'][number]>) => {
	const answers = answersOf([true, true, true, true]);
	answers[index] = { ...answers[index]!, ...change };
	return attempt({ answers, score: answers.filter((answer) => answer.correct).length });
};

describe('checking a decrypted attempt against its quiz and itself', () => {
	it('accepts an attempt that agrees with both, in either language’s version of the quiz', () => {
		const taken = attempt();
		expect(validateAttempt(taken, catalogue, context)).toEqual({ ok: true, attempt: taken });
		const khmer = attempt({ quizVersion: preQuiz.versions[1], locale: 'km' });
		expect(problemOf(khmer)).toBeUndefined();
		const open = attempt({ answers: answersOf([true]), status: 'unfinished', finishedAt: null });
		expect(problemOf(open)).toBeUndefined();
		const left = attempt({ answers: answersOf([true, false]), status: 'unfinished' });
		expect(problemOf(left)).toBeUndefined();
	});

	it('normalises the class label, and refuses one with nothing visible', () => {
		const taken = attempt({ classLabel: '\u202eGrade\u00a08B\u200b' });
		expect(validateAttempt(taken, catalogue, context)).toEqual({
			ok: true,
			attempt: { ...taken, classLabel: 'Grade 8B' }
		});
		expect(problemOf(attempt({ classLabel: '\u200b\ufeff' }))).toEqual([
			'empty-class-label',
			'classLabel'
		]);
	});

	const refused: [string, Attempt, AttemptProblemCode, string][] = [
		['a quiz that does not exist', attempt({ quizId: 'no-such-quiz' }), 'unknown-quiz', 'quizId'],
		[
			'a pre attempt at a post quiz',
			attempt({ quizId: postQuiz.id, quizVersion: postQuiz.versions[0] }),
			'wrong-purpose',
			'purpose'
		],
		[
			'maxScore 100 on a 4-question quiz',
			attempt({ maxScore: 100 }),
			'wrong-max-score',
			'maxScore'
		],
		[
			'an answer to a question the quiz lacks',
			withAnswer(1, { questionId: 'made-up' }),
			'unknown-question',
			'answers[1].questionId'
		],
		[
			'an option beyond those offered',
			withAnswer(0, { given: ['d'], correct: false }),
			'option-out-of-range',
			'answers[0].given'
		],
		[
			'two keys to a single choice',
			withAnswer(0, { given: ['a', 'b'], correct: false }),
			'impossible-answer',
			'answers[0].given'
		],
		[
			'an order that leaves an item out',
			withAnswer(3, { given: ['a', 'b'], correct: false }),
			'impossible-answer',
			'answers[3].given'
		],
		[
			'a wrong answer marked right',
			withAnswer(2, { given: ['a'] }),
			'wrong-marking',
			'answers[2].correct'
		],
		['a score its answers contradict', attempt({ score: 4 }), 'wrong-score', 'score'],
		[
			'more answers than questions',
			attempt({
				maxScore: 4,
				answers: [
					...answersOf([true, true, true, true]),
					{ questionId: 'extra', given: ['a'], correct: true, ms: 1 }
				],
				quizVersion: 'aaaaaaaa'
			}),
			'too-many-answers',
			'answers'
		],
		[
			'finished with fewer answers than questions',
			attempt({ answers: answersOf([true, true]) }),
			'too-few-answers',
			'answers'
		],
		[
			'finished without an end',
			attempt({ finishedAt: null }),
			'finished-without-end',
			'finishedAt'
		],
		[
			'the same question twice',
			attempt({ answers: [...answersOf([true, true, true]), answersOf([true])[0]!] }),
			'answered-twice',
			'answers[3].questionId'
		],
		[
			'an end before the start',
			attempt({ finishedAt: '2025-03-03T01:00:00.000Z' }),
			'ends-before-start',
			'finishedAt'
		],
		[
			'a start before 2024',
			attempt({ startedAt: '2023-12-31T23:59:00.000Z', finishedAt: '2024-01-01T00:10:00.000Z' }),
			'too-early',
			'startedAt'
		],
		[
			'a start in 2099',
			attempt({ startedAt: '2099-03-03T01:20:00.000Z', finishedAt: '2099-03-03T01:31:00.000Z' }),
			'too-late',
			'startedAt'
		],
		[
			'an end after the export',
			attempt({ finishedAt: '2025-03-05T00:00:00.000Z' }),
			'too-late',
			'finishedAt'
		],
		[
			'a pairing code with a Khmer letter',
			attempt({ pairingCode: 'ក-07-2' }),
			'bad-pairing-code',
			'pairingCode'
		],
		[
			'a pairing code of another shape',
			attempt({ pairingCode: 'K-13-2' }),
			'bad-pairing-code',
			'pairingCode'
		]
	];

	it.each(refused)('refuses %s', (_what, one, code, path) => {
		expect(problemOf(one)).toEqual([code, path]);
	});

	it('refuses a date after now, even in a file exported later still', () => {
		const future = attempt({
			startedAt: '2099-03-03T01:20:00.000Z',
			finishedAt: '2099-03-03T01:31:00.000Z'
		});
		const result = validateAttempt(future, catalogue, {
			...context,
			exportedAt: '2099-04-01T00:00:00.000Z'
		});
		expect(result).toMatchObject({ ok: false, problem: { code: 'too-late', uuid: future.uuid } });
	});

	it('checks an earlier version of a quiz only against what the quiz still defines, and itself', () => {
		// Questions and options since removed, another length: an earlier wording of the quiz.
		const answers = [
			{ questionId: 'removed-question', given: ['e'], correct: true, ms: 1 },
			...answersOf([true, false])
		];
		const earlier = attempt({ quizVersion: '0123abcd', maxScore: 3, answers, score: 2 });
		expect(problemOf(earlier)).toBeUndefined();
		expect(problemOf({ ...earlier, quizId: 'gone' })).toEqual(['unknown-quiz', 'quizId']);
		expect(problemOf({ ...earlier, score: 3 })).toEqual(['wrong-score', 'score']);
		expect(problemOf({ ...earlier, purpose: 'post' })).toEqual(['wrong-purpose', 'purpose']);
	});
});

describe('checking the attempts of a file', () => {
	it('stops at the first impossible attempt and says which', () => {
		const list = [attempt(), attempt({ maxScore: 100 }), attempt({ score: 0 })];
		expect(validateAttempts(list, catalogue, context)).toEqual({
			ok: false,
			index: 1,
			problem: { code: 'wrong-max-score', uuid: list[1]!.uuid, path: 'maxScore' }
		});
		expect(validateAttempts(list.slice(0, 1), catalogue, context)).toEqual({
			ok: true,
			attempts: list.slice(0, 1)
		});
	});
});
