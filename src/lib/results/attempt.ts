/**
 * An attempt as the trainer's device reads it: decrypted, its sealed parts joined, its
 * answers inside it. Stations never hold this in storage; they seal it part by part
 * (seal.ts). A part decrypts to `{ v: 1, header, answers, end }`:
 * - part 0, written by the page that started the attempt, has the header (quiz, class,
 *   pairing code, start…); a page that carries the attempt on after a reload cannot read
 *   part 0, knows none of that, and writes `header: null`;
 * - `answers`: those saved on that page;
 * - `end`: when and how the attempt ended, in the part of the page that ended it.
 * No part holds a score: it is counted from the answers, never taken on trust.
 */
import type { AttemptRecord, AttemptStatus } from './db';
import {
	flag,
	instant,
	integer,
	list,
	literal,
	nullable,
	oneOf,
	record,
	text,
	type Flaw,
	type Infer
} from './shape';

export interface AttemptAnswer {
	questionId: string;
	/** Option keys given (`a`, `b`, … in file order); for put-in-order, in the order given. */
	given: string[];
	correct: boolean;
	/** Milliseconds from the question appearing to the answer. */
	ms: number;
}

export type { AttemptStatus };
export type AttemptSource = 'tablet' | 'paper';

/**
 * An attempt as the trainer opens it: the fields a clear record of versions 1 and 2 held
 * (db.ts), where it was taken, and its answers.
 */
export interface Attempt extends AttemptRecord {
	source: AttemptSource;
	answers: AttemptAnswer[];
}

/** What the page that started an attempt knows of it: everything but how it ended. */
export type AttemptHeader = Omit<Attempt, 'finishedAt' | 'status' | 'score' | 'answers'>;

export interface AttemptEnd {
	finishedAt: string;
	status: AttemptStatus;
}

export interface AttemptPart {
	v: 1;
	header: AttemptHeader | null;
	answers: AttemptAnswer[];
	end: AttemptEnd | null;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A pairing code as stored: Latin letter, birth month, older siblings. */
export const PAIRING_CODE_PATTERN = /^[A-Z]-(0[1-9]|1[0-2])-([0-4]|5\+)$/;
/** No quiz has more questions (nor a station more answers in an attempt). */
export const MAX_QUESTIONS = 100;
/** In UTF-16 units: forty Khmer clusters can take a few units each. */
export const MAX_LABEL_UNITS = 400;

export const uuid = (description: string) =>
	text(`${description} (a version 4 UUID)`, { max: 36, pattern: UUID_PATTERN });
export const contentId = (description: string) =>
	text(description, { min: 1, max: 100, pattern: ID_PATTERN });

export const answerShape = record('One answered question', {
	questionId: contentId('Stable id of the question, the same in every language'),
	given: list(
		'Options chosen, as letters a, b, … in the order the quiz file lists them; for put-in-order questions, the order the student gave',
		text('An option letter', { max: 1, pattern: /^[a-j]$/ }),
		{ min: 1, max: 10 }
	),
	correct: flag('Whether the answer was right'),
	ms: integer('Milliseconds from the question appearing to the answer', 0, 86_400_000)
});

const headerFields = {
	uuid: uuid('The attempt'),
	deviceId: uuid('The device it was taken on'),
	quizId: contentId('Id of the quiz (the file name in content/<locale>/quizzes/)'),
	quizVersion: text('Short hash of the quiz file the student saw, to tell its wordings apart', {
		max: 64,
		pattern: /^[0-9a-f]{8,64}$/
	}),
	purpose: oneOf('pre: before the sessions; post: after them; practice: after one lesson', [
		'practice',
		'pre',
		'post'
	]),
	classLabel: text('The class label the teacher typed, such as "Grade 8B"; never a name', {
		min: 1,
		max: MAX_LABEL_UNITS
	}),
	locale: oneOf('Language the quiz was taken in', ['en', 'km']),
	startedAt: instant('When the attempt started (UTC, ISO 8601, to the minute)', true),
	maxScore: integer('Questions in the quiz', 1, MAX_QUESTIONS),
	seed: integer('Seed of the order the options were shown in', 0, 0xffffffff),
	pairingCode: nullable(
		text(
			'Code the student made to pair pre and post attempts, language-free: Latin letter, birth month, older siblings, such as "K-07-2"',
			{ max: 8 }
		)
	),
	source: oneOf('tablet: taken on a station; paper: typed from a paper sheet', ['tablet', 'paper'])
};

const endFields = {
	finishedAt: instant('When it ended (UTC, ISO 8601, to the minute)', true),
	status: oneOf('finished: every question answered; unfinished: left, idle or closed', [
		'finished',
		'unfinished'
	])
};

export const headerShape = record('An attempt as the page that started it knows it', headerFields);
export const endShape = record('How an attempt ended', endFields);

/** What one sealed part of an attempt decrypts to. */
export const partShape = record('One sealed part of an attempt, decrypted', {
	v: literal('Version of the part format', 1),
	header: nullable(headerShape),
	answers: list('The answers saved on the page that sealed this part', answerShape, {
		max: MAX_QUESTIONS
	}),
	end: nullable(endShape)
});

/** A whole attempt, its parts joined (what the trainer's device computes with). */
export const attemptShape = record('One student attempt at a quiz, with its answers', {
	...headerFields,
	finishedAt: nullable(endFields.finishedAt),
	status: endFields.status,
	score: integer('Questions answered correctly', 0, MAX_QUESTIONS),
	answers: list('The answers', answerShape, { max: MAX_QUESTIONS })
});

/** Why the parts of a sealed attempt do not make one attempt. */
export type JoinProblem =
	| 'no-parts'
	| 'malformed-part'
	| 'no-header'
	| 'other-attempt'
	| 'parts-disagree'
	| 'answered-twice';

export type Joined =
	{ ok: true; attempt: Attempt } | { ok: false; problem: JoinProblem; part?: number; flaw?: Flaw };

/**
 * One attempt from the decrypted parts of the sealed record `uuid`, each still unchecked:
 * every part must have the part's shape; part 0, and only part 0, has the header, about
 * this attempt; the answers are the union of the parts' (a question answered in two parts
 * cannot be: the station keeps a page from answering what another saved); the end comes
 * from the part that ended it (two parts that both ended it must agree). The score is
 * counted here.
 */
export function attemptFromParts(uuid: string, decrypted: readonly unknown[]): Joined {
	if (decrypted.length === 0) return { ok: false, problem: 'no-parts' };
	const parts: AttemptPart[] = [];
	for (const [index, value] of decrypted.entries()) {
		const flaw = partShape.check(value);
		if (flaw) return { ok: false, problem: 'malformed-part', part: index, flaw };
		parts.push(value as AttemptPart);
	}
	const header = parts[0]!.header;
	if (!header) return { ok: false, problem: 'no-header', part: 0 };
	if (header.uuid !== uuid) return { ok: false, problem: 'other-attempt', part: 0 };
	const answers: AttemptAnswer[] = [];
	const answered = new Set<string>();
	let end: AttemptEnd | null = null;
	for (const [index, part] of parts.entries()) {
		if (index > 0 && part.header !== null) {
			return { ok: false, problem: 'parts-disagree', part: index };
		}
		if (part.end) {
			if (end && (end.finishedAt !== part.end.finishedAt || end.status !== part.end.status)) {
				return { ok: false, problem: 'parts-disagree', part: index };
			}
			end = part.end;
		}
		for (const answer of part.answers) {
			if (answered.has(answer.questionId)) {
				return { ok: false, problem: 'answered-twice', part: index };
			}
			answered.add(answer.questionId);
			answers.push(answer);
		}
	}
	let score = 0;
	for (const answer of answers) if (answer.correct) score += 1;
	return {
		ok: true,
		attempt: {
			...header,
			finishedAt: end?.finishedAt ?? null,
			status: end?.status ?? 'unfinished',
			score,
			answers
		}
	};
}

// The types and the shapes describe the same thing: these fail to compile if one changes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
	Same<Infer<typeof answerShape>, AttemptAnswer>,
	Same<Infer<typeof headerShape>, AttemptHeader>,
	Same<Infer<typeof endShape>, AttemptEnd>,
	Same<Infer<typeof partShape>, AttemptPart>,
	Same<Infer<typeof attemptShape>, Attempt>
] = [true, true, true, true, true];
void agree;
