import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteResults, mergeExports, readHoldings } from '$lib/results/archive';
import { ResultsDatabase, type AnswerRecord, type AttemptRecord } from '$lib/results/db';
import type { ResultsExport } from '$lib/results/export-format';
import {
	answerKey,
	gather,
	planMerge,
	type IncomingFile,
	type MergePlan,
	type Stored
} from '$lib/results/merge';
import { answer, attempt, DEVICE_B, exportOf, session } from './records';

const nothingStored: Stored = { attempts: new Map(), answers: new Map(), sessions: new Map() };

/** Applies a plan to what is stored, as the transaction does. */
function apply(stored: Stored, plan: MergePlan): Stored {
	return {
		attempts: new Map([...stored.attempts, ...plan.add.attempts.map((a) => [a.uuid, a] as const)]),
		answers: new Map([
			...stored.answers,
			...plan.add.answers.map((a) => [answerKey(a), a] as const)
		]),
		sessions: new Map([...stored.sessions, ...plan.add.sessions.map((s) => [s.uuid, s] as const)])
	};
}

const merge = (stored: Stored, files: IncomingFile[]) =>
	apply(stored, planMerge(gather(files), stored));

/** Stored records as plain sorted lists, to compare two outcomes. */
const contents = (stored: Stored) => ({
	attempts: [...stored.attempts.keys()].sort().map((key) => stored.attempts.get(key)),
	answers: [...stored.answers.keys()].sort().map((key) => stored.answers.get(key)),
	sessions: [...stored.sessions.keys()].sort().map((key) => stored.sessions.get(key))
});

// A small pool of records, some of them in two versions (same uuid, different content), so
// that generated files overlap, repeat and conflict.
const pool = Array.from({ length: 6 }, (_, index) => attempt({ score: index % 3 }));
const variants: AttemptRecord[] = pool.flatMap((one) => [one, { ...one, score: one.score + 1 }]);
const answerPool: AnswerRecord[] = pool.flatMap((one) => [
	answer(one.uuid, 'broker-promise', true),
	answer(one.uuid, 'hotline', false)
]);
const answerVariants = answerPool.flatMap((one) => [one, { ...one, ms: one.ms + 1 }]);
const sessionPool = [session(), session({ students: 12 })];
const sessionVariants = sessionPool.flatMap((one) => [one, { ...one, students: 1 }]);

/** As a real export is: answers only of attempts in the same file (the check refuses others). */
function valid<T extends { attempts: AttemptRecord[]; answers: AnswerRecord[] }>(records: T): T {
	const uuids = new Set(records.attempts.map((one) => one.uuid));
	return { ...records, answers: records.answers.filter((one) => uuids.has(one.attemptUuid)) };
}

const fileArb = fc
	.record({
		attempts: fc.uniqueArray(fc.constantFrom(...variants), {
			selector: (a) => a.uuid,
			maxLength: 6
		}),
		answers: fc.uniqueArray(fc.constantFrom(...answerVariants), {
			selector: answerKey,
			maxLength: 8
		}),
		sessions: fc.uniqueArray(fc.constantFrom(...sessionVariants), {
			selector: (s) => s.uuid,
			maxLength: 2
		})
	})
	.map((records) => exportOf(valid(records)));
const filesArb = fc
	.array(fileArb, { minLength: 1, maxLength: 4 })
	.map((files) => files.map((data, index) => ({ name: `tablet-${index + 1}.json`, data })));

describe('planning a merge', () => {
	it('adds new records, skips those already stored, and leaves a different stored one as it was', () => {
		const kept = attempt();
		const changed = { ...kept, score: 3 };
		const fresh = attempt({ deviceId: DEVICE_B });
		const stored: Stored = { ...nothingStored, attempts: new Map([[kept.uuid, kept]]) };
		const plan = planMerge(
			gather([{ name: 'b.json', data: exportOf({ attempts: [changed, fresh] }) }]),
			stored
		);
		expect(plan.add.attempts).toEqual([fresh]);
		expect(plan.conflicts).toEqual([
			{ kind: 'attempt', key: kept.uuid, reason: 'differs-from-stored', files: ['b.json'] }
		]);
		const again = planMerge(
			gather([{ name: 'c.json', data: exportOf({ attempts: [kept] }) }]),
			stored
		);
		expect(again.present.attempts).toBe(1);
		expect(again.add.attempts).toEqual([]);
	});

	it('takes neither version when two files disagree, and holds back the answers of an attempt in conflict', () => {
		const one = attempt();
		const other = { ...one, status: 'unfinished' as const, finishedAt: null };
		const first = answer(one.uuid, 'hotline', true);
		const plan = planMerge(
			gather([
				{ name: 'a.json', data: exportOf({ attempts: [one], answers: [first] }) },
				{ name: 'b.json', data: exportOf({ attempts: [other] }) }
			]),
			nothingStored
		);
		expect(plan.add).toEqual({ attempts: [], answers: [], sessions: [] });
		expect(plan.conflicts.map((conflict) => [conflict.kind, conflict.reason])).toEqual([
			['attempt', 'files-disagree'],
			['answer', 'attempt-in-conflict']
		]);
	});

	it('importing the same files twice changes nothing the second time', () => {
		fc.assert(
			fc.property(filesArb, (files) => {
				const once = merge(nothingStored, files);
				const twice = merge(once, files);
				expect(contents(twice)).toEqual(contents(once));
				const second = planMerge(gather(files), once);
				expect(second.add).toEqual({ attempts: [], answers: [], sessions: [] });
			}),
			{ numRuns: 300 }
		);
	});

	it('the same file picked twice counts once', () => {
		fc.assert(
			fc.property(fileArb, (data) => {
				const single = planMerge(gather([{ name: 'a.json', data }]), nothingStored);
				const doubled = planMerge(
					gather([
						{ name: 'a.json', data },
						{ name: 'a copy.json', data }
					]),
					nothingStored
				);
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
						fc.shuffledSubarray(files, {
							minLength: files.length,
							maxLength: files.length
						})
					)
				),
				([files, shuffled]) => {
					const a = planMerge(gather(files), nothingStored);
					const b = planMerge(gather(shuffled), nothingStored);
					expect(contents(apply(nothingStored, b))).toEqual(contents(apply(nothingStored, a)));
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
			.array(
				fc.record({
					attempts: fc.subarray(pool),
					answers: fc.subarray(answerPool),
					sessions: fc.subarray(sessionPool)
				}),
				{ minLength: 1, maxLength: 4 }
			)
			.map((list) =>
				list.map((records, index) => ({ name: `${index}.json`, data: exportOf(valid(records)) }))
			);
		fc.assert(
			fc.property(consistent, (files) => {
				const forwards = files.reduce((stored, file) => merge(stored, [file]), nothingStored);
				const backwards = [...files]
					.reverse()
					.reduce((stored, file) => merge(stored, [file]), nothingStored);
				expect(contents(backwards)).toEqual(contents(forwards));
				expect(contents(merge(nothingStored, files))).toEqual(contents(forwards));
			}),
			{ numRuns: 300 }
		);
	});
});

const opened: ResultsDatabase[] = [];
let count = 0;
function database(): ResultsDatabase {
	const db = new ResultsDatabase(`merge-${++count}`);
	opened.push(db);
	return db;
}
afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});

function stationExport(classLabel: string, device: string): ResultsExport {
	const attempts = [
		attempt({ classLabel, deviceId: device }),
		attempt({ classLabel, deviceId: device })
	];
	return exportOf(
		{
			attempts,
			answers: attempts.map((one) => answer(one.uuid, 'hotline', true)),
			sessions: [session({ classLabel, deviceId: device })]
		},
		device
	);
}

describe('merging into the database', () => {
	it('writes a merge of two stations in one go and reports what it did', async () => {
		const db = database();
		const a = stationExport('Grade 8A', DEVICE_B);
		const b = stationExport('ថ្នាក់ទី៨ ខ', DEVICE_B);
		const plan = await mergeExports(
			[
				{ name: 'a.json', data: a },
				{ name: 'b.json', data: b }
			],
			db
		);
		expect(plan.add.attempts).toHaveLength(4);
		const held = await readHoldings(db);
		expect(held.attempts).toHaveLength(4);
		expect(held.answers).toHaveLength(4);
		expect(held.sessions).toHaveLength(2);
		const again = await mergeExports([{ name: 'b.json', data: b }], db);
		expect(again.present).toEqual({ attempts: 2, answers: 2, sessions: 1 });
		expect(again.add).toEqual({ attempts: [], answers: [], sessions: [] });
	});

	it('keeps a stored answer that a later file changes, and counts the rest as already here', async () => {
		const db = database();
		const first = stationExport('Grade 8A', DEVICE_B);
		await mergeExports([{ name: 'a.json', data: first }], db);
		const changed = { ...first.answers[0]!, given: ['b'] };
		const later = { ...first, answers: [changed, ...first.answers.slice(1)] };
		const plan = await mergeExports([{ name: 'a-later.json', data: later }], db);
		expect(plan.present).toEqual({ attempts: 2, answers: 1, sessions: 1 });
		expect(plan.conflicts).toEqual([
			{
				kind: 'answer',
				key: answerKey(changed),
				reason: 'differs-from-stored',
				files: ['a-later.json']
			}
		]);
		expect((await readHoldings(db)).answers).toContainEqual(first.answers[0]);
	});

	// A new database for each generated case: seconds on a busy machine, so a longer timeout.
	it('meets every stored record a file holds again, as planning against everything stored does', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(filesArb, { minLength: 1, maxLength: 3 }), async (imports) => {
				const db = database();
				let model = nothingStored;
				for (const files of imports) {
					const expected = planMerge(gather(files), model);
					expect(await mergeExports(files, db)).toEqual(expected);
					model = apply(model, expected);
				}
				const held = await readHoldings(db);
				expect(
					contents({
						attempts: new Map(held.attempts.map((one) => [one.uuid, one])),
						answers: new Map(held.answers.map((one) => [answerKey(one), one])),
						sessions: new Map(held.sessions.map((one) => [one.uuid, one]))
					})
				).toEqual(contents(model));
			}),
			{ numRuns: 30 }
		);
	}, 30_000);

	it('writes nothing at all when the transaction fails half-way', async () => {
		const db = database();
		const file = stationExport('Grade 8A', DEVICE_B);
		vi.spyOn(db.sessions, 'bulkAdd').mockRejectedValue(
			new DOMException('no room', 'QuotaExceededError')
		);
		await expect(mergeExports([{ name: 'a.json', data: file }], db)).rejects.toThrow();
		vi.restoreAllMocks();
		expect(await db.attempts.count()).toBe(0);
		expect(await db.answers.count()).toBe(0);
	});

	it('deletes one class’s attempts, answers and sessions, and leaves the others', async () => {
		const db = database();
		await mergeExports(
			[
				{ name: 'a.json', data: stationExport('Grade 8A', DEVICE_B) },
				{ name: 'b.json', data: stationExport('Grade 8B', DEVICE_B) }
			],
			db
		);
		expect(await deleteResults({ classLabel: 'Grade 8A' }, db)).toEqual({
			attempts: 2,
			sessions: 1
		});
		const held = await readHoldings(db);
		expect(new Set(held.attempts.map((one) => one.classLabel))).toEqual(new Set(['Grade 8B']));
		expect(held.answers).toHaveLength(2);
		expect(held.sessions.map((one) => one.classLabel)).toEqual(['Grade 8B']);
		await deleteResults('all', db);
		expect(await readHoldings(db)).toMatchObject({ attempts: [], answers: [], sessions: [] });
	});
});
