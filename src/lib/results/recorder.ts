/**
 * Recording pre and post quiz attempts on a station, sealed to the trainer's key as they
 * happen. Each answer is sealed and saved in its own strict-durability transaction before
 * the station moves on, so what a student was told is saved survives a reload, a closed tab
 * or a flat battery, whole or not at all. The station keeps in clear only which questions of
 * an attempt in progress have an answer (the `progress` table), never what the answers were,
 * and forgets even that when the attempt ends: "finished" when every question has an
 * answer, otherwise "unfinished" (the student left, or the tablet sat idle).
 */
import type { AttemptAnswer, AttemptHeader, AttemptSource } from './attempt';
import { resultsDb, storageFailure, type OpenAttemptRecord, type ResultsDatabase } from './db';
import { randomUuid, toMinute } from './ids';
import { RecordingError } from './recording-error';
import { readKeys, type DeviceKeys } from './keys';
import { sealPart, type AttemptEnd, type PartContent, type SealingKey } from './seal';
import type { Locale } from '$lib/content/types';
import type { Purpose } from '$lib/quiz/types';

function asRecordingError(error: unknown): RecordingError {
	return error instanceof RecordingError
		? error
		: new RecordingError(storageFailure(error), { cause: error });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw asRecordingError(error);
	}
}

export interface NewAttempt {
	quizId: string;
	quizVersion: string;
	purpose: Purpose;
	classLabel: string;
	locale: Locale;
	maxScore: number;
	seed: number;
	pairingCode: string | null;
	source?: AttemptSource;
}

/**
 * The part of one attempt that this page writes: part 0 for the page that started it, a
 * new part for a page that carries it on after a reload. Writes go one at a time (the
 * station queues them).
 */
export class AttemptWriter {
	readonly uuid: string;
	readonly #db: ResultsDatabase;
	readonly #key: SealingKey;
	readonly #index: number;
	readonly #now: () => Date;
	#content: PartContent;
	/** Questions with a saved answer, in this part or an earlier one. */
	readonly answered: string[];

	constructor(
		db: ResultsDatabase,
		key: SealingKey,
		open: Pick<OpenAttemptRecord, 'uuid' | 'answered'>,
		index: number,
		content: PartContent,
		now: () => Date
	) {
		this.#db = db;
		this.#key = key;
		this.uuid = open.uuid;
		this.answered = [...open.answered];
		this.#index = index;
		this.#content = content;
		this.#now = now;
	}

	/**
	 * Seals this page's part with the answer added and saves it. Refused, with nothing
	 * written, if that question already has an answer (another tab gave it: 'duplicate') or
	 * the attempt is over (closed in another tab, or by the teacher: 'closed').
	 */
	async recordAnswer(answer: AttemptAnswer): Promise<void> {
		const content: PartContent = {
			...this.#content,
			answers: [...this.#content.answers, { ...answer, given: [...answer.given] }]
		};
		await this.#write(content, (open) => {
			if (open.answered.includes(answer.questionId)) {
				throw new RecordingError('duplicate');
			}
			return { ...open, answered: [...open.answered, answer.questionId] };
		});
		this.#content = content;
		this.answered.push(answer.questionId);
	}

	/**
	 * Ends the attempt: "finished" if every question has an answer, else "unfinished".
	 * Undefined if it was over already (ended in another tab).
	 */
	async end(): Promise<AttemptEnd | undefined> {
		return guarded(async () => {
			// The status depends on answers other tabs may be saving: read, seal, and write only
			// if nothing changed meanwhile.
			for (;;) {
				const open = await this.#db.progress.get(this.uuid);
				if (!open) return undefined;
				const end: AttemptEnd = {
					finishedAt: toMinute(this.#now()),
					status: open.answered.length >= open.maxScore ? 'finished' : 'unfinished'
				};
				try {
					await this.#write({ ...this.#content, end }, (current) => {
						if (current.answered.length !== open.answered.length) throw new Changed();
						return null;
					});
					return end;
				} catch (error) {
					if (error instanceof Changed) continue;
					if (error instanceof RecordingError && error.failure === 'closed') return undefined;
					throw error;
				}
			}
		});
	}

	/**
	 * Seals `content` (outside any transaction: an IndexedDB transaction does not wait for
	 * WebCrypto), then in one transaction checks the attempt is still open, puts the part in
	 * its place, and updates or (null) deletes the station's note.
	 */
	async #write(
		content: PartContent,
		update: (open: OpenAttemptRecord) => OpenAttemptRecord | null
	): Promise<void> {
		const part = await guarded(() => sealPart(this.#key, this.uuid, content));
		await guarded(() =>
			this.#db.transaction('rw', this.#db.progress, this.#db.sealed, async () => {
				const [open, record] = await Promise.all([
					this.#db.progress.get(this.uuid),
					this.#db.sealed.get(this.uuid)
				]);
				if (!open || !record) throw new RecordingError('closed');
				const next = update(open);
				const parts = [...record.parts];
				parts[this.#index] = part;
				await this.#db.sealed.put({ ...record, parts });
				if (next) await this.#db.progress.put(next);
				else await this.#db.progress.delete(this.uuid);
			})
		);
	}
}

class Changed extends Error {}

export class Recorder {
	readonly #db: ResultsDatabase;
	readonly #now: () => Date;

	constructor(db: ResultsDatabase = resultsDb(), now: () => Date = () => new Date()) {
		this.#db = db;
		this.#now = now;
	}

	/** Opens the database and makes sure this device has its id: the check before a student starts. */
	async open(): Promise<string> {
		return guarded(async () => {
			await this.#db.open();
			return this.deviceId();
		});
	}

	/** This device's random id, made on first use (once, even with two tabs racing). */
	async deviceId(): Promise<string> {
		return guarded(() =>
			this.#db.transaction('rw', this.#db.device, async () => {
				const device = await this.#db.device.get('this');
				if (device) return device.id;
				const id = randomUuid();
				await this.#db.device.add({ key: 'this', id, createdAt: toMinute(this.#now()) });
				return id;
			})
		);
	}

	/** The part of an attempt that says what it is: written once, in its first part. */
	async #header(uuid: string, input: NewAttempt, startedAt: string): Promise<AttemptHeader> {
		return {
			uuid,
			deviceId: await this.deviceId(),
			quizId: input.quizId,
			quizVersion: input.quizVersion,
			purpose: input.purpose,
			classLabel: input.classLabel,
			locale: input.locale,
			startedAt,
			maxScore: input.maxScore,
			seed: input.seed,
			pairingCode: input.pairingCode,
			source: input.source ?? 'tablet'
		};
	}

	async start(key: SealingKey, input: NewAttempt): Promise<AttemptWriter> {
		return guarded(async () => {
			const uuid = randomUuid();
			const startedAt = toMinute(this.#now());
			const content: PartContent = {
				v: 1,
				header: await this.#header(uuid, input, startedAt),
				answers: [],
				end: null
			};
			const open: OpenAttemptRecord = {
				uuid,
				quizId: input.quizId,
				quizVersion: input.quizVersion,
				purpose: input.purpose,
				locale: input.locale,
				startedAt,
				seed: input.seed,
				maxScore: input.maxScore,
				keyId: key.keyId,
				answered: []
			};
			const part = await sealPart(key, uuid, content);
			await this.#db.transaction('rw', this.#db.progress, this.#db.sealed, async () => {
				await this.#db.sealed.add({ uuid, keyId: key.keyId, parts: [part] });
				await this.#db.progress.add(open);
			});
			return new AttemptWriter(this.#db, key, open, 0, content, this.#now);
		});
	}

	/**
	 * Records a whole attempt at once, as typed from a paper sheet: one part holding the
	 * header, every answer and the end, sealed first and then saved in one transaction, so a
	 * sheet is saved whole or not at all and never shows here as an attempt in progress.
	 * "finished" when every question has an answer, as for a tablet attempt.
	 */
	async recordWhole(
		key: SealingKey,
		input: NewAttempt,
		answers: readonly AttemptAnswer[]
	): Promise<{ uuid: string; end: AttemptEnd }> {
		return guarded(async () => {
			const uuid = randomUuid();
			const at = toMinute(this.#now());
			const end: AttemptEnd = {
				finishedAt: at,
				status: answers.length >= input.maxScore ? 'finished' : 'unfinished'
			};
			const content: PartContent = {
				v: 1,
				header: await this.#header(uuid, input, at),
				answers: answers.map((answer) => ({ ...answer, given: [...answer.given] })),
				end
			};
			const part = await sealPart(key, uuid, content);
			await this.#db.sealed.add({ uuid, keyId: key.keyId, parts: [part] });
			return { uuid, end };
		});
	}

	/**
	 * Carries an open attempt on from this page: a new part of its own, since this page
	 * cannot read what earlier pages sealed. Refused ('closed') if the attempt is over, or
	 * sealed to another key than `key`.
	 */
	async resume(key: SealingKey, uuid: string): Promise<AttemptWriter> {
		return guarded(async () => {
			const content: PartContent = { v: 1, header: null, answers: [], end: null };
			const part = await sealPart(key, uuid, content);
			return this.#db.transaction('rw', this.#db.progress, this.#db.sealed, async () => {
				const [open, record] = await Promise.all([
					this.#db.progress.get(uuid),
					this.#db.sealed.get(uuid)
				]);
				if (!open || !record || record.keyId !== key.keyId) throw new RecordingError('closed');
				const parts = [...record.parts, part];
				await this.#db.sealed.put({ ...record, parts });
				return new AttemptWriter(this.#db, key, open, parts.length - 1, content, this.#now);
			});
		});
	}

	/** Ends an open attempt from a page that did not start it (the teacher's "close"). */
	async close(key: SealingKey, uuid: string): Promise<AttemptEnd | undefined> {
		const writer = await this.resume(key, uuid).catch((error: unknown) => {
			if (error instanceof RecordingError && error.failure === 'closed') return undefined;
			throw error;
		});
		return writer?.end();
	}

	/** The keys this device holds (the station's trainer key, and the trainer's own). */
	async keys(): Promise<DeviceKeys> {
		return guarded(() => readKeys(this.#db));
	}

	/** Attempts still open on this device (at this quiz, if given), newest first. */
	async openAttempts(quizId?: string): Promise<OpenAttemptRecord[]> {
		return guarded(async () => {
			const open =
				quizId === undefined
					? await this.#db.progress.toArray()
					: await this.#db.progress.where('quizId').equals(quizId).toArray();
			return open.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
		});
	}

	/** Records of version 1 and 2 still held in clear (sealed as soon as a key is installed). */
	async legacyCount(): Promise<number> {
		return guarded(() => this.#db.attempts.count());
	}

	/**
	 * Seals every attempt an earlier version of the app stored in clear, with its answers,
	 * and deletes the clear records in the same transaction. An attempt left open by that
	 * version is closed as unfinished. Returns how many were sealed.
	 */
	async sealLegacy(key: SealingKey): Promise<number> {
		return guarded(async () => {
			const [attempts, answers] = await this.#db.transaction(
				'r',
				this.#db.attempts,
				this.#db.answers,
				() => Promise.all([this.#db.attempts.toArray(), this.#db.answers.toArray()])
			);
			if (attempts.length === 0) return 0;
			const byAttempt = new Map<string, AttemptAnswer[]>();
			for (const { attemptUuid, ...answer } of answers) {
				const list = byAttempt.get(attemptUuid) ?? [];
				list.push(answer);
				byAttempt.set(attemptUuid, list);
			}
			const closedAt = toMinute(this.#now());
			const sealed = await Promise.all(
				attempts.map(async (attempt) => {
					const given = byAttempt.get(attempt.uuid) ?? [];
					const content: PartContent = {
						v: 1,
						header: {
							uuid: attempt.uuid,
							deviceId: attempt.deviceId,
							quizId: attempt.quizId,
							quizVersion: attempt.quizVersion,
							purpose: attempt.purpose,
							classLabel: attempt.classLabel,
							locale: attempt.locale,
							startedAt: attempt.startedAt,
							maxScore: attempt.maxScore,
							seed: attempt.seed,
							pairingCode: attempt.pairingCode,
							source: 'tablet'
						},
						answers: given,
						end: attempt.finishedAt
							? { finishedAt: attempt.finishedAt, status: attempt.status }
							: {
									finishedAt: closedAt,
									status: given.length >= attempt.maxScore ? 'finished' : 'unfinished'
								}
					};
					return {
						uuid: attempt.uuid,
						keyId: key.keyId,
						parts: [await sealPart(key, attempt.uuid, content)]
					};
				})
			);
			const uuids = attempts.map((attempt) => attempt.uuid);
			await this.#db.transaction(
				'rw',
				this.#db.attempts,
				this.#db.answers,
				this.#db.sealed,
				async () => {
					const present = new Set(
						(await this.#db.sealed.bulkGet(uuids)).flatMap((record) =>
							record ? [record.uuid] : []
						)
					);
					await this.#db.sealed.bulkAdd(sealed.filter((record) => !present.has(record.uuid)));
					await this.#db.answers.where('attemptUuid').anyOf(uuids).delete();
					await this.#db.attempts.bulkDelete(uuids);
				}
			);
			return attempts.length;
		});
	}
}
