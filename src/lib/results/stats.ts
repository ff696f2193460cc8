/**
 * What the trainer's dashboard shows, computed from stored attempts and answers: per quiz,
 * attempts, mean and median score, the distribution, % correct per question and per key
 * message; per pre/post pair, the means, the gain, and the gain of students matched by
 * pairing code. Small-group rule: any figure about fewer than 5 attempts is withheld
 * (`shown: false`), so that no student's answers can be picked out of a small group.
 * Scores are compared as percentages, since two versions of a quiz may differ in length.
 */
import type { Locale } from '$lib/content/types';
import type { Purpose } from '$lib/quiz/types';
import type { AnswerRecord, AttemptRecord, SessionRecord } from './db';

export const SMALL_GROUP = 5;

/** A quiz as the dashboard knows it from the compiled content, in the page's language. */
export interface QuizInfo {
	id: string;
	title: string;
	/** The language of the texts (English where the Khmer is not written yet). */
	locale: Locale;
	purpose: Purpose;
	pair: string | null;
	questions: { id: string; text: string; checks: string }[];
	messages: { id: string; text: string }[];
}

export interface Filters {
	quizId?: string;
	classLabel?: string;
	deviceId?: string;
	/** ISO instants: attempts started at or after `from` and before `to`. */
	from?: string;
	to?: string;
}

/** A figure about `n` attempts, withheld when there are fewer than five. */
export type Guarded<T> = { shown: true; n: number; value: T } | { shown: false; n: number };

export function guard<T>(n: number, value: () => T): Guarded<T> {
	return n >= SMALL_GROUP ? { shown: true, n, value: value() } : { shown: false, n };
}

export interface ScoreSummary {
	mean: number;
	median: number;
	/** Mean of score ÷ questions, 0–100. */
	meanPercent: number;
	maxScore: number;
}

export interface QuestionStats {
	id: string;
	/** The question's text, or null when the quiz no longer has it. */
	text: string | null;
	checks: string | null;
	percentCorrect: Guarded<number>;
}

export interface MessageStats {
	id: string;
	text: string;
	/** n: the most attempts that answered any one of the message's questions. */
	percentCorrect: Guarded<number>;
}

export interface QuizStats {
	quizId: string;
	title: string;
	/** The language of the title and texts; null for a quiz the content no longer has. */
	locale: Locale | null;
	purpose: Purpose | null;
	finished: number;
	unfinished: number;
	score: Guarded<ScoreSummary>;
	/** Finished attempts by score, from 0 to the highest possible. */
	distribution: Guarded<{ score: number; count: number }[]>;
	questions: QuestionStats[];
	/** Key messages, least understood first (those withheld last). */
	messages: MessageStats[];
}

export interface PrePostStats {
	pre: { id: string; title: string; locale: Locale };
	post: { id: string; title: string; locale: Locale };
	preMean: Guarded<number>;
	postMean: Guarded<number>;
	/** Post mean minus pre mean, in percentage points. */
	gain: Guarded<number>;
	/** Students whose pairing code matched once before and once after, in the same class. */
	pairedGain: Guarded<{ pre: number; post: number; gain: number }>;
}

export interface SessionTotals {
	held: number;
	students: number;
	/** Sums over the sessions where they were counted. */
	girls: number;
	boys: number;
	counted: number;
}

export interface Dashboard {
	attempts: number;
	quizzes: QuizStats[];
	prePost: PrePostStats[];
	sessions: SessionTotals;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

const percent = (attempt: Pick<AttemptRecord, 'score' | 'maxScore'>) =>
	(100 * attempt.score) / attempt.maxScore;

function inRange(time: string, filters: Filters): boolean {
	return (!filters.from || time >= filters.from) && (!filters.to || time < filters.to);
}

/** Attempts matching every filter but the quiz (pre/post pairs need both of their quizzes). */
function matchesGroup(attempt: AttemptRecord, filters: Filters): boolean {
	return (
		(!filters.classLabel || attempt.classLabel === filters.classLabel) &&
		(!filters.deviceId || attempt.deviceId === filters.deviceId) &&
		inRange(attempt.startedAt, filters)
	);
}

export function filterAttempts(
	attempts: readonly AttemptRecord[],
	filters: Filters
): AttemptRecord[] {
	return attempts.filter(
		(attempt) =>
			(!filters.quizId || attempt.quizId === filters.quizId) && matchesGroup(attempt, filters)
	);
}

function scoreSummary(finished: readonly AttemptRecord[]): ScoreSummary {
	const scores = finished.map((attempt) => attempt.score);
	return {
		mean: mean(scores),
		median: median(scores),
		meanPercent: mean(finished.map(percent)),
		maxScore: Math.max(...finished.map((attempt) => attempt.maxScore))
	};
}

function distribution(finished: readonly AttemptRecord[]): { score: number; count: number }[] {
	const top = Math.max(...finished.map((attempt) => attempt.maxScore));
	const counts = Array.from({ length: top + 1 }, (_, score) => ({ score, count: 0 }));
	for (const attempt of finished) counts[attempt.score]!.count += 1;
	return counts;
}

interface Tally {
	right: number;
	total: number;
}

function quizStats(
	quizId: string,
	attempts: readonly AttemptRecord[],
	tallies: ReadonlyMap<string, Tally>,
	info: QuizInfo | undefined
): QuizStats {
	const finished = attempts.filter((attempt) => attempt.status === 'finished');
	const known = info?.questions ?? [];
	const knownIds = new Set(known.map((question) => question.id));
	const questionRow = (id: string, text: string | null, checks: string | null): QuestionStats => {
		const tally = tallies.get(id) ?? { right: 0, total: 0 };
		return {
			id,
			text,
			checks,
			percentCorrect: guard(tally.total, () => (100 * tally.right) / tally.total)
		};
	};
	const questions = [
		...known.map((question) => questionRow(question.id, question.text, question.checks)),
		// Questions a student answered that the quiz no longer has (it was edited since).
		...[...tallies.keys()]
			.filter((id) => !knownIds.has(id))
			.sort()
			.map((id) => questionRow(id, null, null))
	];

	const byMessage = new Map<string, Tally & { n: number }>();
	for (const question of known) {
		const tally = tallies.get(question.id);
		if (!tally) continue;
		const sum = byMessage.get(question.checks) ?? { right: 0, total: 0, n: 0 };
		sum.right += tally.right;
		sum.total += tally.total;
		sum.n = Math.max(sum.n, tally.total);
		byMessage.set(question.checks, sum);
	}
	const messages = (info?.messages ?? [])
		.filter((message) => byMessage.has(message.id))
		.map((message) => {
			const tally = byMessage.get(message.id)!;
			return {
				id: message.id,
				text: message.text,
				percentCorrect: guard(tally.n, () => (100 * tally.right) / tally.total)
			};
		});
	const rank = (message: MessageStats) =>
		message.percentCorrect.shown ? message.percentCorrect.value : Infinity;
	return {
		quizId,
		title: info?.title ?? quizId,
		locale: info?.locale ?? null,
		purpose: info?.purpose ?? null,
		finished: finished.length,
		unfinished: attempts.length - finished.length,
		score: guard(finished.length, () => scoreSummary(finished)),
		distribution: guard(finished.length, () => distribution(finished)),
		questions,
		messages: messages.sort((a, b) => rank(a) - rank(b))
	};
}

function prePostStats(
	pre: QuizInfo,
	post: QuizInfo,
	attempts: readonly AttemptRecord[]
): PrePostStats {
	const finishedOf = (quizId: string) =>
		attempts.filter((attempt) => attempt.quizId === quizId && attempt.status === 'finished');
	const before = finishedOf(pre.id);
	const after = finishedOf(post.id);
	const preMean = guard(before.length, () => mean(before.map(percent)));
	const postMean = guard(after.length, () => mean(after.map(percent)));
	const gain: Guarded<number> = guard(Math.min(before.length, after.length), () => {
		return mean(after.map(percent)) - mean(before.map(percent));
	});

	// A code made twice in one class on the same side cannot say whose is whose: left out.
	const once = (side: readonly AttemptRecord[]) => {
		const found = new Map<string, AttemptRecord | null>();
		for (const attempt of side) {
			if (!attempt.pairingCode) continue;
			const key = `${attempt.classLabel}\u0000${attempt.pairingCode}`;
			found.set(key, found.has(key) ? null : attempt);
		}
		return found;
	};
	const afterByCode = once(after);
	const pairs: [AttemptRecord, AttemptRecord][] = [];
	for (const [key, first] of once(before)) {
		const second = afterByCode.get(key);
		if (first && second) pairs.push([first, second]);
	}
	return {
		pre: { id: pre.id, title: pre.title, locale: pre.locale },
		post: { id: post.id, title: post.title, locale: post.locale },
		preMean,
		postMean,
		gain,
		pairedGain: guard(pairs.length, () => {
			const preScores = pairs.map(([first]) => percent(first));
			const postScores = pairs.map(([, second]) => percent(second));
			return {
				pre: mean(preScores),
				post: mean(postScores),
				gain: mean(pairs.map(([first, second]) => percent(second) - percent(first)))
			};
		})
	};
}

export function sessionTotals(
	sessions: readonly SessionRecord[],
	filters: Omit<Filters, 'quizId'>
): SessionTotals {
	const totals: SessionTotals = { held: 0, students: 0, girls: 0, boys: 0, counted: 0 };
	const from = filters.from?.slice(0, 10);
	const to = filters.to?.slice(0, 10);
	for (const session of sessions) {
		if (filters.classLabel && session.classLabel !== filters.classLabel) continue;
		if (filters.deviceId && session.deviceId !== filters.deviceId) continue;
		if ((from && session.date < from) || (to && session.date >= to)) continue;
		totals.held += 1;
		totals.students += session.students;
		if (session.girls !== null || session.boys !== null) {
			totals.counted += 1;
			totals.girls += session.girls ?? 0;
			totals.boys += session.boys ?? 0;
		}
	}
	return totals;
}

/** Everything the dashboard shows for these filters. */
export function dashboard(
	attempts: readonly AttemptRecord[],
	answers: readonly AnswerRecord[],
	sessions: readonly SessionRecord[],
	quizzes: readonly QuizInfo[],
	filters: Filters
): Dashboard {
	const infos = new Map(quizzes.map((quiz) => [quiz.id, quiz]));
	const inGroup = attempts.filter((attempt) => matchesGroup(attempt, filters));
	const selected = filters.quizId
		? inGroup.filter((attempt) => attempt.quizId === filters.quizId)
		: inGroup;

	const byQuiz = new Map<string, AttemptRecord[]>();
	const quizOf = new Map<string, string>();
	for (const attempt of selected) {
		const list = byQuiz.get(attempt.quizId) ?? [];
		list.push(attempt);
		byQuiz.set(attempt.quizId, list);
		quizOf.set(attempt.uuid, attempt.quizId);
	}
	// One pass over the answers: right and total per quiz and question.
	const tallies = new Map<string, Map<string, Tally>>();
	for (const answer of answers) {
		const quizId = quizOf.get(answer.attemptUuid);
		if (quizId === undefined) continue;
		let questions = tallies.get(quizId);
		if (!questions) tallies.set(quizId, (questions = new Map()));
		let tally = questions.get(answer.questionId);
		if (!tally) questions.set(answer.questionId, (tally = { right: 0, total: 0 }));
		tally.total += 1;
		if (answer.correct) tally.right += 1;
	}

	// Quizzes in the content's order, then any the content no longer has.
	const order = new Map(quizzes.map((quiz, index) => [quiz.id, index]));
	const quizIds = [...byQuiz.keys()].sort(
		(a, b) =>
			(order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0)
	);

	const prePost = quizzes
		.filter((quiz) => quiz.purpose === 'pre' && quiz.pair && infos.get(quiz.pair))
		.filter((quiz) => !filters.quizId || filters.quizId === quiz.id || filters.quizId === quiz.pair)
		.map((quiz) => prePostStats(quiz, infos.get(quiz.pair!)!, inGroup))
		.filter((pair) => pair.preMean.n + pair.postMean.n > 0);

	return {
		attempts: selected.length,
		quizzes: quizIds.map((id) =>
			quizStats(id, byQuiz.get(id)!, tallies.get(id) ?? new Map(), infos.get(id))
		),
		prePost,
		sessions: sessionTotals(sessions, filters)
	};
}
