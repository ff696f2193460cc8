/**
 * Sealing results to the trainer's public key, and reading them back with the private key.
 * An attempt is stored as parts, each sealed with HPKE (crypto/hpke.ts) to the trainer's
 * key with the attempt's uuid as associated data, so a part cannot be moved to another
 * attempt unnoticed. A station can write parts but never read one: it keeps no private key.
 * - Part 0, written when the attempt starts, holds the header (quiz, class label, pairing
 *   code…) and the answers given on that page.
 * - A page that carries the attempt on after a reload cannot read part 0, so it adds a part
 *   of its own with its answers, and the end if it ends the attempt.
 * The trainer's device joins the parts into one `Attempt` (`joinParts`).
 */
import * as z from 'zod/mini';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '$lib/crypto/bytes';
import { seal, type Recipient } from '$lib/crypto/hpke';
import type { Attempt, AttemptAnswer, AttemptStatus } from './attempt';
import type { SealedAttemptRecord, SealedPart, SessionRecord } from './db';

const ATTEMPT_INFO = utf8('safe-migration-classroom attempt v1');
const SESSIONS_INFO = utf8('safe-migration-classroom sessions v1');

/** The public half of the trainer's key, as a station seals to it. */
export interface SealingKey {
	publicKey: Uint8Array;
	keyId: string;
}

export type AttemptHeader = Omit<
	Attempt,
	'finishedAt' | 'status' | 'score' | 'answers'
>;

export interface AttemptEnd {
	finishedAt: string;
	status: AttemptStatus;
}

/** What one sealed part holds. */
export interface PartContent {
	v: 1;
	header: AttemptHeader | null;
	answers: AttemptAnswer[];
	end: AttemptEnd | null;
}

const minute = z.iso.datetime();
const headerSchema = z.strictObject({
	uuid: z.string(),
	deviceId: z.string(),
	quizId: z.string().check(z.maxLength(100)),
	quizVersion: z.string().check(z.maxLength(64)),
	purpose: z.enum(['practice', 'pre', 'post']),
	classLabel: z.string().check(z.maxLength(400)),
	locale: z.enum(['en', 'km']),
	startedAt: minute,
	maxScore: z.int().check(z.minimum(1), z.maximum(100)),
	seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
	pairingCode: z.nullable(z.string().check(z.maxLength(20))),
	source: z.enum(['tablet', 'paper'])
});
const answerSchema = z.strictObject({
	questionId: z.string().check(z.maxLength(100)),
	given: z.array(z.string().check(z.maxLength(2))).check(z.minLength(1), z.maxLength(10)),
	correct: z.boolean(),
	ms: z.int().check(z.minimum(0), z.maximum(86_400_000))
});
const partSchema = z.strictObject({
	v: z.literal(1),
	header: z.nullable(headerSchema),
	answers: z.array(answerSchema).check(z.maxLength(100)),
	end: z.nullable(z.strictObject({ finishedAt: minute, status: z.enum(['finished', 'unfinished']) }))
});
const sessionsSchema = z.strictObject({
	v: z.literal(1),
	sessions: z.array(z.unknown()).check(z.maxLength(100_000))
});

/** Seals one part of the attempt `uuid`. */
export async function sealPart(
	key: SealingKey,
	uuid: string,
	content: PartContent
): Promise<SealedPart> {
	const sealed = await seal(key.publicKey, utf8(JSON.stringify(content)), {
		info: ATTEMPT_INFO,
		aad: utf8(uuid)
	});
	return { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) };
}

/** Why a sealed attempt could not be read. */
export type OpenProblem = 'undecryptable' | 'malformed' | 'no-header' | 'mixed-parts' | 'twice-answered';

export type Opened = { ok: true; attempt: Attempt } | { ok: false; problem: OpenProblem };

async function openBytes(
	recipient: Recipient,
	part: SealedPart,
	info: Uint8Array,
	aad: Uint8Array
): Promise<unknown> {
	let plain: Uint8Array;
	try {
		plain = await recipient.open(
			{ enc: fromBase64Url(part.enc), ct: fromBase64Url(part.ct) },
			{ info, aad }
		);
	} catch {
		return undefined;
	}
	try {
		return JSON.parse(fromUtf8(plain)) as unknown;
	} catch {
		return null;
	}
}

/** Opens every part of a sealed attempt and joins them; nothing here trusts the contents. */
export async function openAttempt(
	recipient: Recipient,
	record: Pick<SealedAttemptRecord, 'uuid' | 'parts'>
): Promise<Opened> {
	const aad = utf8(record.uuid);
	const contents: PartContent[] = [];
	for (const part of record.parts) {
		const value = await openBytes(recipient, part, ATTEMPT_INFO, aad);
		if (value === undefined) return { ok: false, problem: 'undecryptable' };
		const parsed = partSchema.safeParse(value);
		if (!parsed.success) return { ok: false, problem: 'malformed' };
		contents.push(parsed.data as PartContent);
	}
	return joinParts(record.uuid, contents);
}

/**
 * One attempt from its parts: the header from part 0 (the only part that has one), the
 * answers of every part (a question answered in two parts cannot be: two tabs are kept
 * from it by the station's notes), and the end from whichever part ended it. The score is
 * counted from the answers, never taken on trust.
 */
export function joinParts(uuid: string, contents: readonly PartContent[]): Opened {
	const [first, ...rest] = contents;
	const header = first?.header;
	if (!header || header.uuid !== uuid) return { ok: false, problem: 'no-header' };
	if (rest.some((part) => part.header !== null)) return { ok: false, problem: 'mixed-parts' };
	const answers: AttemptAnswer[] = [];
	const seen = new Set<string>();
	let end: AttemptEnd | null = null;
	for (const part of contents) {
		for (const answer of part.answers) {
			if (seen.has(answer.questionId)) return { ok: false, problem: 'twice-answered' };
			seen.add(answer.questionId);
			answers.push(answer);
		}
		if (part.end && (!end || part.end.finishedAt > end.finishedAt)) end = part.end;
	}
	return {
		ok: true,
		attempt: {
			...header,
			finishedAt: end?.finishedAt ?? null,
			status: end?.status ?? 'unfinished',
			score: answers.filter((answer) => answer.correct).length,
			answers
		}
	};
}

/** The session log of an export, sealed as one part (bound to the exporting device). */
export async function sealSessions(
	key: SealingKey,
	device: string,
	sessions: readonly SessionRecord[]
): Promise<SealedPart> {
	const sealed = await seal(key.publicKey, utf8(JSON.stringify({ v: 1, sessions })), {
		info: SESSIONS_INFO,
		aad: utf8(device)
	});
	return { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) };
}

/** The sessions of an export, still to be checked record by record; undefined if unreadable. */
export async function openSessions(
	recipient: Recipient,
	device: string,
	part: SealedPart
): Promise<unknown[] | undefined> {
	const value = await openBytes(recipient, part, SESSIONS_INFO, utf8(device));
	const parsed = sessionsSchema.safeParse(value);
	return parsed.success ? parsed.data.sessions : undefined;
}
