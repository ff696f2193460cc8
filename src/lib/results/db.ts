/**
 * The results database (IndexedDB, through Dexie): the only module that imports Dexie.
 * - `device`: one row, this device's random id, so merged exports can tell tablets apart.
 * - `attempts`: one row per student attempt at a quiz; no names, only the class label the
 *   teacher typed. An attempt is open while `finishedAt` is null.
 * - `answers`: one row per answered question, keyed by [attemptUuid+questionId], so that two
 *   tabs on one station can never record the same question twice.
 * - `sessions` (since version 2): the session log, one row per class session a teacher held:
 *   date, class label, lesson and head counts, never a name.
 * - `trainer` (since version 2): the trainer's PIN (only its PBKDF2 hash, salt and iteration
 *   count), the wrong-PIN count and lockout, and when results were last exported. Kept in the
 *   same database as the results, so that clearing one clears the other.
 * Every transaction is committed with strict durability (flushed to disk before it
 * completes, where the browser supports it), so a flat battery loses no saved answer.
 * Schema versions are kept here forever: add a version, never edit or remove one, and add
 * a fixture of it under tests/fixtures/results/ (a unit test opens each with today's code).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Locale } from '$lib/content/types';
import type { Given, Purpose } from '$lib/quiz/types';

export const DATABASE_NAME = 'smc-results';

export interface DeviceRecord {
	/** Always `this`: the table holds this device only. */
	key: 'this';
	id: string;
	createdAt: string;
}

export type AttemptStatus = 'finished' | 'unfinished';

export interface AttemptRecord {
	uuid: string;
	deviceId: string;
	quizId: string;
	/** The content version (hash) of the quiz file the student saw. */
	quizVersion: string;
	purpose: Purpose;
	classLabel: string;
	locale: Locale;
	/** ISO time, to the minute: enough to group a class, too coarse to single a student out. */
	startedAt: string;
	/** Null while the attempt is open; when it was finished or closed otherwise. */
	finishedAt: string | null;
	status: AttemptStatus;
	/** Correct answers saved so far. */
	score: number;
	maxScore: number;
	/** Seed of the option order, so a resumed attempt shows the options as before. */
	seed: number;
	/** Optional code the student made to pair a pre and a post attempt (see quiz/pairing.ts). */
	pairingCode: string | null;
}

export interface AnswerRecord {
	attemptUuid: string;
	questionId: string;
	given: Given;
	correct: boolean;
	/** Milliseconds from the question appearing to the answer being checked. */
	ms: number;
}

/** A class session a teacher held (the session log): counts only, never names. */
export interface SessionRecord {
	uuid: string;
	deviceId: string;
	/** The day it was held, `YYYY-MM-DD`, as the teacher gave it. */
	date: string;
	classLabel: string;
	/** Id of the curriculum lesson taught. */
	lessonId: string;
	students: number;
	/** Optional: null when the teacher did not count. */
	girls: number | null;
	boys: number | null;
	/** When it was logged, to the minute. */
	recordedAt: string;
}

/** The PIN as stored: never the PIN itself. */
export interface PinRecord {
	key: 'pin';
	algorithm: 'PBKDF2-SHA-256';
	/** Base64 of the derived key and of the random salt. */
	hash: string;
	salt: string;
	iterations: number;
}

/** Wrong PINs in a row, and until when the PIN form stays shut (ISO time, or null). */
export interface LockoutRecord {
	key: 'lockout';
	failures: number;
	lockedUntil: string | null;
}

export interface LastExportRecord {
	key: 'last-export';
	at: string;
}

export type TrainerRecord = PinRecord | LockoutRecord | LastExportRecord;

/** Every schema this app has ever shipped, oldest first. Never change a shipped entry. */
export const schemaVersions = [
	{
		version: 1,
		stores: {
			device: 'key',
			attempts: 'uuid, quizId, [quizId+status], classLabel, startedAt, status, deviceId',
			answers: '[attemptUuid+questionId], attemptUuid, questionId'
		}
	},
	{
		// The session log and the trainer's PIN; the tables of version 1 are unchanged.
		version: 2,
		stores: {
			sessions: 'uuid, date, classLabel, deviceId',
			trainer: 'key'
		}
	}
] as const;

export class ResultsDatabase extends Dexie {
	device!: EntityTable<DeviceRecord, 'key'>;
	attempts!: EntityTable<AttemptRecord, 'uuid'>;
	answers!: Table<AnswerRecord, [string, string]>;
	sessions!: EntityTable<SessionRecord, 'uuid'>;
	// A Table, not an EntityTable: its rows are of three shapes, each with its own fixed key.
	trainer!: Table<TrainerRecord, TrainerRecord['key']>;

	constructor(name = DATABASE_NAME) {
		super(name, { chromeTransactionDurability: 'strict' });
		for (const { version, stores } of schemaVersions) this.version(version).stores(stores);
	}
}

let database: ResultsDatabase | undefined;

/** The app's one connection, created on first use (so pages without results never open it). */
export function resultsDb(): ResultsDatabase {
	database ??= new ResultsDatabase();
	return database;
}

/** What went wrong with storage, in terms a teacher can act on. */
export type StorageFailure = 'unavailable' | 'full' | 'duplicate' | 'other';

export function storageFailure(error: unknown): StorageFailure {
	const names = new Set<string>();
	for (let current = error; current && typeof current === 'object';) {
		const { name, inner } = current as { name?: unknown; inner?: unknown };
		if (typeof name === 'string') names.add(name);
		current = inner === current ? undefined : inner;
	}
	if (names.has('QuotaExceededError')) return 'full';
	if (names.has('ConstraintError')) return 'duplicate';
	if (
		[
			'MissingAPIError',
			'OpenFailedError',
			'InvalidStateError',
			'SecurityError',
			'UnknownError'
		].some((name) => names.has(name))
	) {
		return 'unavailable';
	}
	return 'other';
}
