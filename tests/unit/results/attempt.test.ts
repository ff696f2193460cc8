import { describe, expect, it } from 'vitest';
import { attemptFromParts, type Attempt, type AttemptPart } from '$lib/results/attempt';
import { answersOf, attempt } from './records';

/** The parts a station seals for `whole` when a reload comes after `at` answers. */
function split(whole: Attempt, at: number): AttemptPart[] {
	const { score: _, answers, finishedAt, status, ...header } = whole;
	return [
		{ v: 1, header, answers: answers.slice(0, at), end: null },
		{ v: 1, header: null, answers: answers.slice(at), end: { finishedAt: finishedAt!, status } }
	];
}

describe('joining the parts of a sealed attempt', () => {
	const whole = attempt({ answers: answersOf([true, true, false, true]) });
	const { score: _, answers, finishedAt, status, ...header } = whole;

	it('gives the attempt back from one part, its score counted from its answers', () => {
		const only: AttemptPart = { v: 1, header, answers, end: { finishedAt: finishedAt!, status } };
		expect(attemptFromParts(whole.uuid, [only])).toEqual({ ok: true, attempt: whole });
	});

	it('joins the answers of a reload’s parts, the end from the part that ended it', () => {
		expect(attemptFromParts(whole.uuid, split(whole, 2))).toEqual({ ok: true, attempt: whole });
	});

	it('keeps an attempt open when no part ended it', () => {
		const [first] = split(whole, 2);
		expect(attemptFromParts(whole.uuid, [first!])).toMatchObject({
			ok: true,
			attempt: { finishedAt: null, status: 'unfinished', score: 2 }
		});
	});

	it('refuses a question answered in two parts, a second header, two ends that differ, a part of another attempt', () => {
		const [first, second] = split(whole, 2);
		const twice = { ...second!, answers: [...second!.answers, first!.answers[0]!] };
		expect(attemptFromParts(whole.uuid, [first!, twice])).toEqual({
			ok: false,
			problem: 'answered-twice',
			part: 1
		});
		expect(attemptFromParts(whole.uuid, [first!, { ...second!, header }])).toMatchObject({
			ok: false,
			problem: 'parts-disagree'
		});
		const ends = { ...first!, end: { finishedAt: '2025-03-03T01:40:00.000Z', status } };
		expect(attemptFromParts(whole.uuid, [ends, second!])).toMatchObject({
			ok: false,
			problem: 'parts-disagree'
		});
		expect(attemptFromParts(whole.uuid, [second!])).toMatchObject({
			ok: false,
			problem: 'no-header'
		});
		expect(attemptFromParts(attempt().uuid, [first!])).toMatchObject({
			ok: false,
			problem: 'other-attempt'
		});
		expect(attemptFromParts(whole.uuid, [])).toEqual({ ok: false, problem: 'no-parts' });
	});

	it('refuses a part that is not a part, naming the flaw, without trusting a score in it', () => {
		const [first] = split(whole, 0);
		expect(
			attemptFromParts(whole.uuid, [{ ...first!, header: { ...first!.header!, score: 4 } }])
		).toEqual({
			ok: false,
			problem: 'malformed-part',
			part: 0,
			flaw: { path: ['header', 'score'], reason: 'unknown key' }
		});
		expect(attemptFromParts(whole.uuid, [null])).toMatchObject({ problem: 'malformed-part' });
		expect(attemptFromParts(whole.uuid, [{ ...first!, v: 2 }])).toMatchObject({
			flaw: { path: ['v'] }
		});
	});
});
