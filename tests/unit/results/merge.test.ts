import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '$lib/results/attempt';
import type { SessionRecord } from '$lib/results/db';
import {
	sameAttempt,
	planMerge,
	type Holding,
	type IncomingFile,
	type MergePlan
} from '$lib/results/merge';
import { answersOf, attempt, DEVICE_B, session } from './records';

const nothingHeld: Holding = { attempts: new Map(), sessions: new Map() };

/** A file as the trainer's device has it once decrypted: each attempt with its own sealing. */
function file(
	name: string,
	attempts: readonly Attempt[],
	sessions: readonly SessionRecord[] = []
): IncomingFile<string> {
	return {
		name,
		attempts: attempts.map((one) => ({ attempt: one, sealed: `${name}:${one.uuid}` })),
		sessions
	};
}

/** Applies a plan to what is held, as the transaction does. */
function apply(held: Holding, plan: MergePlan<string>): Holding {
	return {
		attempts: new Map([
			...held.attempts,
			...plan.add.attempts.map(({ attempt }) => [attempt.uuid, attempt] as const)
		]),
		sessions: new Map([
			...held.sessions,
			...plan.add.sessions.map((one) => [one.uuid, one] as const)
		])
	};
}

const merge = (held: Holding, files: IncomingFile<string>[]) => apply(held, planMerge(files, held));

/** An attempt as text, its answers in one order. */
const canonical = (one: Attempt) =>
	JSON.stringify({
		...one,
		answers: [...one.answers].sort((a, b) => (a.questionId < b.questionId ? -1 : 1))
	});

/** Held records as plain sorted lists, to compare two outcomes. */
const contents = (held: Holding) => ({
	attempts: [...held.attempts.keys()].sort().map((key) => canonical(held.attempts.get(key)!)),
	sessions: [...held.sessions.keys()].sort().map((key) => held.sessions.get(key))
});

// A small pool of attempts and sessions, some in two versions (same uuid, other content), so
// that generated files overlap, repeat and conflict.
const pool = Array.from({ length: 6 }, (_, index) =>
	attempt({ answers: answersOf([index % 2 === 0, true, false, index % 3 === 0]) })
);
const variants = pool.flatMap((one) => [
	one,
	{
		...one,
		answers: one.answers.map((answer, index) =>
			index === 0 ? { ...answer, ms: answer.ms + 1 } : answer
		)
	}
]);
const sessionPool = [session(), session({ students: 12 })];
const sessionVariants = sessionPool.flatMap((one) => [one, { ...one, students: 1 }]);

const fileArb = (name: string) =>
	fc
		.record({
			attempts: fc.uniqueArray(fc.constantFrom(...variants), {
				selector: (one) => one.uuid,
				maxLength: 6
			}),
			sessions: fc.uniqueArray(fc.constantFrom(...sessionVariants), {
				selector: (one) => one.uuid,
				maxLength: 2
			})
		})
		.map((records) => file(name, records.attempts, records.sessions));
const filesArb = fc
	.integer({ min: 1, max: 4 })
	.chain((count) =>
		fc.tuple(...Array.from({ length: count }, (_, index) => fileArb(`tablet-${index + 1}.json`)))
	);

describe('comparing two copies of an attempt', () => {
	it('finds them the same whatever order their answers are in, and different for any field', () => {
		const one = attempt();
		expect(sameAttempt(one, { ...one, answers: [...one.answers].reverse() })).toBe(true);
		expect(sameAttempt(one, structuredClone(one))).toBe(true);
		for (const [field, value] of Object.entries({
			classLabel: 'Grade 9',
			seed: 1,
			pairingCode: 'K-01-0',
			source: 'paper',
			finishedAt: null
		})) {
			expect(sameAttempt(one, { ...one, [field]: value }), field).toBe(false);
		}
		const given = one.answers.map((answer, index) =>
			index === 3 ? { ...answer, given: ['c', 'b', 'a'] } : answer
		);
		expect(sameAttempt(one, { ...one, answers: given })).toBe(false);
		expect(sameAttempt(one, { ...one, answers: one.answers.slice(1) })).toBe(false);
		const renamed = one.answers.map((answer, index) =>
			index === 0 ? { ...answer, questionId: 'other' } : answer
		);
		expect(sameAttempt(one, { ...one, answers: renamed })).toBe(false);
	});
});

describe('planning a merge', () => {
	it('adds new attempts, skips those held already, and leaves a different held one as it was', () => {
		const kept = attempt();
		const changed = { ...kept, answers: kept.answers.slice(0, 3), status: 'unfinished' as const };
		const fresh = attempt({ deviceId: DEVICE_B });
		const held: Holding = { ...nothingHeld, attempts: new Map([[kept.uuid, kept]]) };
		const plan = planMerge([file('b.json', [changed, fresh])], held);
		expect(plan.add.attempts).toEqual([{ attempt: fresh, sealed: `b.json:${fresh.uuid}` }]);
		expect(plan.conflicts).toEqual([
			{ kind: 'attempt', key: kept.uuid, reason: 'differs-from-stored', files: ['b.json'] }
		]);
		const again = planMerge([file('c.json', [kept])], held);
		expect(again.present).toEqual({ attempts: 1, sessions: 0 });
		expect(again.add.attempts).toEqual([]);
	});

	it('meets an attempt whose answers came in another order, or sealed again, as the same', () => {
		const kept = attempt();
		const reordered = { ...kept, answers: [...kept.answers].reverse() };
		const held: Holding = { ...nothingHeld, attempts: new Map([[kept.uuid, kept]]) };
		expect(planMerge([file('again.json', [reordered])], held)).toEqual({
			add: { attempts: [], sessions: [] },
			present: { attempts: 1, sessions: 0 },
			conflicts: []
		});
	});

	it('never adds answers to a held attempt: a longer copy of it is a conflict', () => {
		const open = attempt({
			answers: answersOf([true, true]),
			status: 'unfinished',
			finishedAt: null
		});
		const held: Holding = { ...nothingHeld, attempts: new Map([[open.uuid, open]]) };
		const longer = { ...open, answers: answersOf([true, true, true]), score: 3 };
		const plan = planMerge([file('later.json', [longer])], held);
		expect(plan.add.attempts).toEqual([]);
		expect(plan.conflicts).toMatchObject([{ key: open.uuid, reason: 'differs-from-stored' }]);
	});

	it('takes neither version when two files disagree, and names both files', () => {
		const one = attempt();
		const other = { ...one, classLabel: 'Grade 9' };
		const plan = planMerge([file('b.json', [other]), file('a.json', [one])], nothingHeld);
		expect(plan.add).toEqual({ attempts: [], sessions: [] });
		expect(plan.conflicts).toEqual([
			{ kind: 'attempt', key: one.uuid, reason: 'files-disagree', files: ['a.json', 'b.json'] }
		]);
	});

	it('takes an attempt that two files agree on from the first file by name, whatever the order', () => {
		const one = attempt();
		const forwards = planMerge([file('a.json', [one]), file('b.json', [one])], nothingHeld);
		const backwards = planMerge([file('b.json', [one]), file('a.json', [one])], nothingHeld);
		expect(forwards.add.attempts).toEqual([{ attempt: one, sealed: `a.json:${one.uuid}` }]);
		expect(backwards.add).toEqual(forwards.add);
	});

	it('importing the same files twice changes nothing the second time', () => {
		fc.assert(
			fc.property(filesArb, (files) => {
				const once = merge(nothingHeld, files);
				expect(contents(merge(once, files))).toEqual(contents(once));
				expect(planMerge(files, once).add).toEqual({ attempts: [], sessions: [] });
			}),
			{ numRuns: 300 }
		);
	});

	it('the same file picked twice counts once', () => {
		fc.assert(
			fc.property(fileArb('a.json'), (data) => {
				const single = planMerge([data], nothingHeld);
				const doubled = planMerge([data, { ...data, name: 'a copy.json' }], nothingHeld);
				expect(doubled.add).toEqual(single.add);
				expect(doubled.conflicts.length).toBe(single.conflicts.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('the order files are picked in changes nothing, in the records or the summary', () => {
		fc.assert(
			fc.property(
				filesArb.chain((files) =>
					fc.tuple(
						fc.constant(files),
						fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length })
					)
				),
				([files, shuffled]) => {
					const a = planMerge(files, nothingHeld);
					const b = planMerge(shuffled, nothingHeld);
					expect(b.add.attempts.sort(byUuid)).toEqual(a.add.attempts.sort(byUuid));
					expect(contents(apply(nothingHeld, b))).toEqual(contents(apply(nothingHeld, a)));
					expect(b.present).toEqual(a.present);
					const key = (plan: MergePlan) =>
						plan.conflicts.map((c) => `${c.kind} ${c.key} ${c.reason} ${c.files}`).sort();
					expect(key(b)).toEqual(key(a));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('files that agree with each other merge to the same records whichever is imported first', () => {
		const consistent = fc
			.array(fc.record({ attempts: fc.subarray(pool), sessions: fc.subarray(sessionPool) }), {
				minLength: 1,
				maxLength: 4
			})
			.map((list) =>
				list.map((records, index) => file(`${index}.json`, records.attempts, records.sessions))
			);
		fc.assert(
			fc.property(consistent, (files) => {
				const forwards = files.reduce((held, one) => merge(held, [one]), nothingHeld);
				const backwards = [...files]
					.reverse()
					.reduce((held, one) => merge(held, [one]), nothingHeld);
				expect(contents(backwards)).toEqual(contents(forwards));
				expect(contents(merge(nothingHeld, files))).toEqual(contents(forwards));
			}),
			{ numRuns: 300 }
		);
	});
});

const byUuid = (a: { attempt: Attempt }, b: { attempt: Attempt }) =>
	a.attempt.uuid < b.attempt.uuid ? -1 : 1;
