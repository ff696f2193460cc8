/**
 * The JSON export: one file per device, and the format an import must match before
 * anything is written. Version 2 (today's) holds every attempt sealed to the trainer's key:
 * without that key a file tells only how many attempts it holds. Version 1, the plaintext
 * export of earlier stations, is still read. These shapes are the single description of
 * both: `docs/results-export.schema.json` is generated from them (`npm run results:schema`;
 * a unit test checks the committed file is current) and the README explains each field.
 */
import * as z from 'zod/mini';
import { pairingLetters } from '$lib/quiz/pairing';
import {
	attemptShape,
	contentId,
	MAX_QUESTIONS,
	partShape,
	uuid,
	type AttemptPart
} from './attempt';
import type { SessionRecord } from './db';
import {
	day,
	flag,
	instant,
	integer,
	list,
	literal,
	nullable,
	oneOf,
	record,
	text,
	type Infer
} from './shape';

export const EXPORT_FORMAT = 'safe-migration-classroom-results';
export const EXPORT_VERSION = 2;
export const LEGACY_VERSION = 1;

/** Attempts one file may hold (a station holds a few hundred; a trainer's merge, thousands). */
export const MAX_FILE_ATTEMPTS = 100_000;
/** Parts one sealed attempt may have: one, and one more for each reload mid-attempt. */
export const MAX_PARTS = 50;

const count = (description: string, max: number) => integer(description, 0, max);

export const sessionShape = record('A class session a teacher held: counts only, never names', {
	uuid: uuid('The session log entry'),
	deviceId: uuid('The device it was logged on'),
	date: day('Day the session was held (YYYY-MM-DD)'),
	classLabel: text('The class label the teacher typed, such as "Grade 8B"; never a name', {
		min: 1,
		max: 400
	}),
	lessonId: contentId('Id of the curriculum lesson taught'),
	students: count('Students present', 1000),
	girls: nullable(count('Girls present; null if not counted', 1000)),
	boys: nullable(count('Boys present; null if not counted', 1000)),
	recordedAt: instant('When it was logged (UTC, ISO 8601, to the minute)', true)
});

// Version 2: sealed.

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const sealedPartShape = record(
	'Sealed with HPKE (RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode) to the trainer key',
	{
		enc: text('The encapsulated key: 32 bytes, base64url without padding', {
			min: 43,
			max: 43,
			pattern: BASE64URL
		}),
		ct: text('The ciphertext with its tag, base64url without padding', {
			min: 22,
			max: 28_000_000,
			pattern: BASE64URL
		})
	}
);

export const sealedAttemptShape = record('One attempt, sealed: its uuid is all that can be read', {
	uuid: uuid('The attempt'),
	parts: list(
		'The parts of the attempt: one, and one more for each reload mid-attempt; each decrypts to an attempt part (see $defs.attemptPart)',
		sealedPartShape,
		{ min: 1, max: MAX_PARTS }
	)
});

export const KEY_ID_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The fields every export opens with, in the order a reader meets them. */
const envelopeFields = <V extends number>(version: V) => ({
	format: literal('Always this name', EXPORT_FORMAT),
	version: literal('Version of this format', version),
	device: uuid('The device that made the export'),
	exportedAt: instant('When the export was made (UTC, ISO 8601)', false)
});

const sealedFields = {
	...envelopeFields(EXPORT_VERSION),
	keyId: text('Id of the trainer key the file is sealed to, as the trainer’s device shows it', {
		max: 14,
		pattern: KEY_ID_PATTERN
	})
};

export const sealedExportShape = record(
	'Safe Migration Classroom results export, version 2: quiz results and the session log of one device, sealed to the trainer key. Without that key, a file tells only how many attempts it holds.',
	{
		...sealedFields,
		attempts: list('Every attempt the device holds for this key', sealedAttemptShape, {
			max: MAX_FILE_ATTEMPTS
		}),
		sessions: nullable(sealedPartShape)
	}
);

/** What the sealed session log decrypts to. */
export const sessionsPartShape = record('The session log of an export, decrypted', {
	v: literal('Version of the part format', 1),
	sessions: list('The session log the device holds', sessionShape, { max: MAX_FILE_ATTEMPTS })
});

// Version 1: plaintext, as stations exported before results were sealed. Read, never written.

const letters = Object.values(pairingLetters).flat().join('');
// One line of visible text: no control characters (tabs and line breaks included).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LEGACY_LABEL = /^[^\u0000-\u001f\u007f-\u009f]+$/;

export const legacyAttemptShape = record('One student attempt at a quiz (version 1)', {
	uuid: uuid('The attempt'),
	deviceId: uuid('The device it was taken on'),
	quizId: contentId('Id of the quiz'),
	quizVersion: text('Short hash of the quiz file the student saw', {
		max: 64,
		pattern: /^[0-9a-f]{8,64}$/
	}),
	purpose: oneOf('pre, post or practice', ['practice', 'pre', 'post']),
	classLabel: text('The class label the teacher typed', {
		min: 1,
		max: 80,
		pattern: LEGACY_LABEL
	}),
	locale: oneOf('Language the quiz was taken in', ['en', 'km']),
	startedAt: instant('When the attempt started (to the minute)', true),
	finishedAt: nullable(instant('When it ended; null while it is still open', true)),
	status: oneOf('finished or unfinished', ['finished', 'unfinished']),
	score: count('Questions answered correctly', MAX_QUESTIONS),
	maxScore: integer('Questions in the quiz', 1, MAX_QUESTIONS),
	seed: count('Seed of the order the options were shown in', 0xffffffff),
	pairingCode: nullable(
		text('Pairing code, with a Latin letter (English quiz) or a Khmer one (Khmer quiz)', {
			max: 8,
			pattern: new RegExp(`^[${letters}]-(0[1-9]|1[0-2])-([0-4]|5\\+)$`)
		})
	)
});

export const legacyAnswerShape = record('One answered question (version 1)', {
	attemptUuid: uuid('The attempt this answer belongs to'),
	questionId: contentId('Stable id of the question'),
	given: list(
		'Options chosen, as letters',
		text('An option letter', { max: 1, pattern: /^[a-j]$/ }),
		{
			min: 1,
			max: 10
		}
	),
	correct: flag('Whether the answer was right'),
	ms: count('Milliseconds from the question appearing to the answer', 86_400_000)
});

const legacyFields = envelopeFields(LEGACY_VERSION);

export const legacyExportShape = record(
	'Safe Migration Classroom results export, version 1 (plaintext; read, no longer written)',
	{
		...legacyFields,
		attempts: list('Every attempt the device held', legacyAttemptShape, {
			max: MAX_FILE_ATTEMPTS
		}),
		answers: list('Every answer the device held', legacyAnswerShape, {
			max: MAX_FILE_ATTEMPTS * 20
		}),
		sessions: list('The session log the device held', sessionShape, { max: MAX_FILE_ATTEMPTS })
	}
);

/**
 * The envelopes, checked with zod before any record: the records themselves are checked one
 * by one afterwards (import-check.ts), so a list here is only a list.
 */
export const sealedEnvelope = z.strictObject({
	...Object.fromEntries(Object.entries(sealedFields).map(([key, shape]) => [key, shape.schema])),
	attempts: z.array(z.unknown()),
	sessions: z.unknown()
});
export const legacyEnvelope = z.strictObject({
	...Object.fromEntries(Object.entries(legacyFields).map(([key, shape]) => [key, shape.schema])),
	attempts: z.array(z.unknown()),
	answers: z.array(z.unknown()),
	sessions: z.array(z.unknown())
});

export type SealedPart = Infer<typeof sealedPartShape>;
export type SealedAttempt = Infer<typeof sealedAttemptShape>;
export type SealedExport = Infer<typeof sealedExportShape>;
export type LegacyAttempt = Infer<typeof legacyAttemptShape>;
export type LegacyAnswer = Infer<typeof legacyAnswerShape>;
export type LegacyExport = Infer<typeof legacyExportShape>;
export interface SessionsPart {
	v: 1;
	sessions: SessionRecord[];
}

function jsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
	const { $schema: _, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
	return rest;
}

/**
 * The JSON Schema of the export, as committed in docs/results-export.schema.json: the
 * version 2 file, with what its sealed parts decrypt to and the version 1 file as `$defs`.
 */
export function exportJsonSchema(): Record<string, unknown> {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		title: 'Safe Migration Classroom results export',
		...jsonSchema(sealedExportShape.schema),
		$defs: {
			attemptPart: jsonSchema(partShape.schema),
			sessionsPart: jsonSchema(sessionsPartShape.schema),
			attempt: jsonSchema(attemptShape.schema),
			version1: jsonSchema(legacyExportShape.schema)
		}
	};
}

// The shapes and the types the app stores must describe the same thing: these fail to
// compile if a field is added to one and not the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
	Same<Infer<typeof sessionShape>, SessionRecord>,
	Same<Infer<typeof sessionsPartShape>, SessionsPart>,
	Same<Infer<typeof partShape>, AttemptPart>
] = [true, true, true];
void agree;
