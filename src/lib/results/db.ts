/**
 * The results database (IndexedDB, through Dexie): the only module that imports Dexie.
 * - `device`: one row, this device's random id, so merged exports can tell tablets apart.
 * - `attempts`: one row per student attempt at a quiz; no names, only the class label the
 *   teacher typed. An attempt is open while `finishedAt` is null.
 * - `answers`: one row per answered question, keyed by [attemptUuid+questionId], so that two
 *   tabs on one station can never record the same question twice.
 * - `sessions` (since version 2): the session log, one row per class session a teacher held:
 *   date, class label, lesson and head counts, never a name.
 * - `trainer` (since version 2): when results were last exported. Version 2 also kept a PIN
 *   here; version 3 removes it (results are sealed instead, see below).
 * - `sealed` (since version 3): one row per attempt, sealed to the trainer's public key
 *   (seal.ts): besides its uuid and the key's id, nothing in it can be read on this device.
 *   `attempts` and `answers` above are version 1's clear records: they stay readable only
 *   until a key is installed, when they are sealed and removed (recorder.ts, sealLegacy).
 * - `progress` (since version 3): for an attempt still in progress, what the station needs to
 *   carry on after a reload: the quiz, the option-order seed and WHICH questions have an
 *   answer — never what was answered. Deleted when the attempt ends.
 * - `keys` (since version 3): the trainer's public key a station seals to and, on the
 *   trainer's own device, the trainer's key pair with the private key wrapped by the
 *   passphrase.
 * - `merged` (since version 4): on the trainer's device, the attempts an import brought in,
 *   still sealed as they came, up to 200 to a row. IndexedDB takes a row at a time, so a
 *   term's 5,000 attempts written one to a row took over two seconds; 25 rows take a tenth
 *   of one. Stations never write here: each of their attempts keeps a row of its own in
 *   `sealed`, as it grows answer by answer.
 * Every transaction is committed with strict durability (flushed to disk before it
 * completes, where the browser supports it), so a flat battery loses no saved answer.
 * Schema versions are kept here forever: add a version, never edit or remove one, and add
 * a fixture of it under tests/fixtures/results/ (a unit test opens each with today's code).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Locale } from '$lib/content/types';
import type { Given, Purpose } from '$lib/quiz/types';

export { storageFailure, type StorageFailure } from './storage-failure';

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

export interface LastExportRecord {
	key: 'last-export';
	at: string;
}

/** Rows version 2 kept in `trainer` and version 3 deletes: the PIN hash and its lockout. */
export const REMOVED_TRAINER_ROWS = ['pin', 'lockout'] as const;

export type TrainerRecord = LastExportRecord;

/** One sealed piece of an attempt: HPKE's encapsulated key and the ciphertext, base64url. */
export interface SealedPart {
	enc: string;
	ct: string;
}

/** An attempt as a device stores and exports it: readable only with the trainer's key. */
export interface SealedAttemptRecord {
	uuid: string;
	/** Id of the trainer key the parts are sealed to (fingerprint.ts). */
	keyId: string;
	/**
	 * Part 0 is written when the attempt starts; each page that carries the attempt on after
	 * a reload adds one. The trainer joins them (unseal.ts).
	 */
	parts: SealedPart[];
}

/** What a station keeps in clear about an attempt in progress, to carry it on after a reload. */
export interface OpenAttemptRecord {
	uuid: string;
	quizId: string;
	quizVersion: string;
	purpose: Purpose;
	locale: Locale;
	/** ISO time, to the minute. */
	startedAt: string;
	seed: number;
	maxScore: number;
	keyId: string;
	/** Ids of the questions that have an answer saved, in the order they were saved. */
	answered: string[];
}

/** The trainer key a station seals to (public only). */
export interface StationKeyRecord {
	key: 'station';
	/** Base64url of the 32-byte X25519 public key. */
	publicKey: string;
	keyId: string;
	installedAt: string;
}

/** The private key as kept at rest: wrapped by the passphrase (crypto/passphrase.ts). */
export interface WrappedKeyRecord {
	kdf: 'PBKDF2-SHA-256';
	iterations: number;
	salt: string;
	iv: string;
	ct: string;
}

/** On the trainer's own device: the key pair, the private half wrapped. */
export interface TrainerKeyRecord {
	key: 'trainer';
	publicKey: string;
	keyId: string;
	wrapped: WrappedKeyRecord;
	createdAt: string;
}

export type KeyRecord = StationKeyRecord | TrainerKeyRecord;

/** A row of attempts a merge brought in, sealed as they came (`merged`, since version 4). */
export interface MergedRecord {
	/** Random: a row is only ever found through the attempts it holds. */
	id: string;
	/** The trainer key all of them are sealed to. */
	keyId: string;
	attempts: Pick<SealedAttemptRecord, 'uuid' | 'parts'>[];
}

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
	},
	{
		// Sealed attempts, the station's notes on attempts in progress, and the keys. The PIN
		// of version 2 is deleted by the upgrade below; version 1's clear tables stay until
		// their records are sealed.
		version: 3,
		stores: {
			sealed: 'uuid, keyId',
			progress: 'uuid, quizId',
			keys: 'key'
		}
	},
	{
		// Merged attempts, many to a row, on the trainer's device; the other tables unchanged.
		version: 4,
		stores: {
			merged: 'id, keyId'
		}
	}
] as const;

export class ResultsDatabase extends Dexie {
	device!: EntityTable<DeviceRecord, 'key'>;
	attempts!: EntityTable<AttemptRecord, 'uuid'>;
	answers!: Table<AnswerRecord, [string, string]>;
	sessions!: EntityTable<SessionRecord, 'uuid'>;
	trainer!: Table<TrainerRecord | { key: string }, string>;
	sealed!: EntityTable<SealedAttemptRecord, 'uuid'>;
	progress!: EntityTable<OpenAttemptRecord, 'uuid'>;
	// A Table, not an EntityTable: its rows are of two shapes, each with its own fixed key.
	keys!: Table<KeyRecord, KeyRecord['key']>;
	merged!: EntityTable<MergedRecord, 'id'>;

	constructor(name = DATABASE_NAME) {
		super(name, { chromeTransactionDurability: 'strict' });
		for (const { version, stores } of schemaVersions) {
			const declared = this.version(version).stores(stores);
			if (version === 3) {
				// No PIN on any device any more: a PIN only hid a screen over results kept in clear.
				declared.upgrade((transaction) =>
					transaction.table('trainer').bulkDelete([...REMOVED_TRAINER_ROWS])
				);
			}
		}
	}
}

let database: ResultsDatabase | undefined;

/** The app's one connection, created on first use (so pages without results never open it). */
export function resultsDb(): ResultsDatabase {
	database ??= new ResultsDatabase();
	return database;
}
