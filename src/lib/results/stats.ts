/**
 * What the trainer's dashboard shows, private by construction. Figures use finished
 * attempts only, grouped into cells: one class, one version of one quiz, one period, where
 * a period is a run of days merged until it holds at least five attempts (a class whose
 * attempts at a version never reach five is withheld from every figure, and counted as
 * withheld). Filters take whole cells (a date range takes the periods whose first day is in
 * it), and matched pre/post pairs are used only in blocks of five or more (same class, same
 * pre period, same post period) that leave each cell's unmatched rest empty or at least
 * five. So every figure is about a union of such parts, and no two views, however filtered,
 * differ by one to four students: no one's answers can be had by subtracting one view from
 * another. On top of that, any figure about fewer than five is withheld (`Guarded`).
 * Scores are compared as percentages, since two versions of a quiz may differ in length.
 */
import type { Locale } from '$lib/content/types';
import type { Purpose } from '$lib/quiz/types';
import type { Attempt } from './attempt';
import type { SessionRecord } from './db';
import { pairedDifference, welchDifference, type Estimate } from './inference';
import { analyseForm, type FormAnalysis, type ItemStats } from './item-analysis';
import type { QuizInfo } from './quiz-info';

export type { QuizInfo } from './quiz-info';

export const SMALL_GROUP = 5;

/** A figure about `n` attempts, withheld when there are fewer than five. */
export type Guarded<T> = { shown: true; n: number; value: T } | { shown: false; n: number };

export function guard<T>(n: number, value: () => T): Guarded<T> {
	return n >= SMALL_GROUP ? { shown: true, n, value: value() } : { shown: false, n };
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

const percent = (attempt: Pick<Attempt, 'score' | 'maxScore'>) =>
	(100 * attempt.score) / attempt.maxScore;

/** The day of an ISO time (`YYYY-MM-DD`), in the time zone `offsetMinutes` east of UTC. */
export function dayOf(time: string, offsetMinutes = 0): string {
	if (offsetMinutes === 0 && time.endsWith('Z')) return time.slice(0, 10);
	return new Date(Date.parse(time) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Finished attempts of one class at one version of one quiz in one period: none, or 5+. */
export interface Cell {
	id: number;
	classLabel: string;
	quizId: string;
	quizVersion: string;
	firstDay: string;
	lastDay: string;
	attempts: Attempt[];
}

/** A class's finished attempts at a quiz version that never reach five: in no figure. */
export interface Withheld {
	classLabel: string;
	quizId: string;
	quizVersion: string;
	firstDay: string;
	count: number;
}

export interface Pair {
	pre: Attempt;
	post: Attempt;
}

/** Pairs of one class whose pre attempts share a period and whose post attempts share one. */
export interface PairBlock {
	id: number;
	pre: Cell;
	post: Cell;
	pairs: Pair[];
}

export interface StatsOptions {
	/** The trainer's time zone, minutes east of UTC (Cambodia: 420): days are its days. */
	offsetMinutes?: number;
}

/** Everything the figures are drawn from, computed once for the attempts a device holds. */
export interface StatsBase {
	quizzes: readonly QuizInfo[];
	cells: Cell[];
	withheld: Withheld[];
	blocks: PairBlock[];
	/** Question ids of each form, by `quizId/quizVersion`. */
	forms: Map<string, string[]>;
	unfinished: number;
	devices: number;
}

const formKey = (quizId: string, quizVersion: string) => `${quizId}/${quizVersion}`;

/** The periods of one class's attempts at one quiz version: runs of days of 5+ attempts. */
function periods(byDay: Map<string, Attempt[]>): { days: string[]; attempts: Attempt[] }[] {
	const runs: { days: string[]; attempts: Attempt[] }[] = [];
	let open: { days: string[]; attempts: Attempt[] } | undefined;
	for (const day of [...byDay.keys()].sort()) {
		open ??= { days: [], attempts: [] };
		open.days.push(day);
		open.attempts.push(...byDay.get(day)!);
		if (open.attempts.length >= SMALL_GROUP) {
			runs.push(open);
			open = undefined;
		}
	}
	// A short tail joins the last period; a series that never reaches five has none.
	if (open) {
		const last = runs.at(-1);
		if (last) {
			last.days.push(...open.days);
			last.attempts.push(...open.attempts);
		} else {
			runs.push(open);
		}
	}
	return runs;
}

function buildCells(
	finished: readonly Attempt[],
	offsetMinutes: number
): { cells: Cell[]; withheld: Withheld[] } {
	const series = new Map<string, Map<string, Attempt[]>>();
	for (const attempt of finished) {
		const key = [attempt.classLabel, attempt.quizId, attempt.quizVersion].join('\u0000');
		let byDay = series.get(key);
		if (!byDay) series.set(key, (byDay = new Map()));
		const day = dayOf(attempt.startedAt, offsetMinutes);
		const list = byDay.get(day);
		if (list) list.push(attempt);
		else byDay.set(day, [attempt]);
	}
	const cells: Cell[] = [];
	const withheld: Withheld[] = [];
	for (const key of [...series.keys()].sort()) {
		const [classLabel, quizId, quizVersion] = key.split('\u0000') as [string, string, string];
		for (const run of periods(series.get(key)!)) {
			const where = { classLabel, quizId, quizVersion, firstDay: run.days[0]! };
			if (run.attempts.length < SMALL_GROUP) {
				withheld.push({ ...where, count: run.attempts.length });
			} else {
				cells.push({
					...where,
					id: cells.length,
					lastDay: run.days.at(-1)!,
					attempts: run.attempts
				});
			}
		}
	}
	return { cells, withheld };
}

/** The questions of each form: the quiz's own for a current version, else those answered. */
function formQuestions(
	cells: readonly Cell[],
	quizzes: readonly QuizInfo[]
): Map<string, string[]> {
	const infos = new Map(quizzes.map((quiz) => [quiz.id, quiz]));
	const answered = new Map<string, Set<string>>();
	for (const cell of cells) {
		const key = formKey(cell.quizId, cell.quizVersion);
		let ids = answered.get(key);
		if (!ids) answered.set(key, (ids = new Set()));
		for (const attempt of cell.attempts)
			for (const answer of attempt.answers) ids.add(answer.questionId);
	}
	const forms = new Map<string, string[]>();
	for (const cell of cells) {
		const key = formKey(cell.quizId, cell.quizVersion);
		if (forms.has(key)) continue;
		const info = infos.get(cell.quizId);
		const known = info?.questions.map((question) => question.id) ?? [];
		if (info?.versions.includes(cell.quizVersion)) {
			forms.set(key, known);
		} else {
			const ids = answered.get(key)!;
			const order = new Map(known.map((id, index) => [id, index]));
			forms.set(
				key,
				[...ids].sort(
					(a, b) =>
						(order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0)
				)
			);
		}
	}
	return forms;
}

/**
 * Matched pre/post pairs, in blocks of five or more. A pairing code made twice in one class
 * on the same side cannot say whose is whose: it is left out. A block is dropped, smallest
 * first, while it leaves a cell with one to four attempts matched by no block: those few
 * could otherwise be had as the cell minus its blocks.
 */
function pairBlocks(cells: readonly Cell[], quizzes: readonly QuizInfo[]): PairBlock[] {
	const cellOf = new Map<string, Cell>();
	for (const cell of cells) for (const attempt of cell.attempts) cellOf.set(attempt.uuid, cell);
	const infos = new Map(quizzes.map((quiz) => [quiz.id, quiz]));
	const once = (quizId: string) => {
		const found = new Map<string, Attempt | null>();
		for (const cell of cells) {
			if (cell.quizId !== quizId) continue;
			for (const attempt of cell.attempts) {
				if (attempt.pairingCode === null) continue;
				const key = `${attempt.classLabel}\u0000${attempt.pairingCode}`;
				found.set(key, found.has(key) ? null : attempt);
			}
		}
		return found;
	};
	const blocks = new Map<string, PairBlock>();
	for (const pre of quizzes) {
		const post = pre.purpose === 'pre' && pre.pair ? infos.get(pre.pair) : undefined;
		if (!post || post.purpose !== 'post') continue;
		const after = once(post.id);
		for (const [key, first] of once(pre.id)) {
			const second = after.get(key);
			if (!first || !second) continue;
			const [preCell, postCell] = [cellOf.get(first.uuid)!, cellOf.get(second.uuid)!];
			const blockKey = `${preCell.id}/${postCell.id}`;
			let block = blocks.get(blockKey);
			if (!block) {
				blocks.set(
					blockKey,
					(block = { id: blocks.size, pre: preCell, post: postCell, pairs: [] })
				);
			}
			block.pairs.push({ pre: first, post: second });
		}
	}
	let kept = [...blocks.values()].filter((block) => block.pairs.length >= SMALL_GROUP);
	for (;;) {
		const matched = new Map<Cell, number>();
		for (const block of kept) {
			for (const cell of [block.pre, block.post]) {
				matched.set(cell, (matched.get(cell) ?? 0) + block.pairs.length);
			}
		}
		const short = [...matched].find(([cell, count]) => {
			const rest = cell.attempts.length - count;
			return rest > 0 && rest < SMALL_GROUP;
		});
		if (!short) return kept;
		const [cell] = short;
		const smallest = kept
			.filter((block) => block.pre === cell || block.post === cell)
			.sort((a, b) => a.pairs.length - b.pairs.length || a.id - b.id)[0]!;
		kept = kept.filter((block) => block !== smallest);
	}
}

/** The cells, blocks and forms of the attempts a device holds: once per change of them. */
export function prepareStats(
	attempts: readonly Attempt[],
	quizzes: readonly QuizInfo[],
	options: StatsOptions = {}
): StatsBase {
	const finished = attempts.filter((attempt) => attempt.status === 'finished');
	const { cells, withheld } = buildCells(finished, options.offsetMinutes ?? 0);
	return {
		quizzes,
		cells,
		withheld,
		blocks: pairBlocks(cells, quizzes),
		forms: formQuestions(cells, quizzes),
		unfinished: attempts.length - finished.length,
		devices: new Set(attempts.map((attempt) => attempt.deviceId)).size
	};
}

export interface Filters {
	quizId?: string;
	classLabel?: string;
	/** Days, `YYYY-MM-DD`, both included: the periods whose first day is between them. */
	from?: string;
	to?: string;
}

interface Where {
	classLabel: string;
	quizId: string;
	firstDay: string;
}

const inDays = (day: string, filters: Filters) =>
	(!filters.from || day >= filters.from) && (!filters.to || day <= filters.to);

/** Whether a cell is in the view, the quiz filter aside (a pre/post pair needs both quizzes). */
const inGroup = (where: Where, filters: Filters) =>
	(!filters.classLabel || where.classLabel === filters.classLabel) &&
	inDays(where.firstDay, filters);

const inView = (where: Where, filters: Filters) =>
	(!filters.quizId || where.quizId === filters.quizId) && inGroup(where, filters);

export interface Selection {
	/** The cells of the view. */
	cells: Cell[];
	/** The cells of the view, whatever the quiz filter says: pre/post pairs use both quizzes. */
	group: Cell[];
	/** Pair blocks with both cells in the view's group. */
	blocks: PairBlock[];
	/** Finished attempts of the view's class, quiz and days withheld as too few. */
	withheld: number;
}

/** What a view takes: whole cells, whole blocks. Every figure is computed from this alone. */
export function selectView(base: StatsBase, filters: Filters): Selection {
	const group = base.cells.filter((cell) => inGroup(cell, filters));
	const inGroupCells = new Set(group);
	let withheld = 0;
	for (const series of base.withheld) if (inView(series, filters)) withheld += series.count;
	return {
		cells: group.filter((cell) => inView(cell, filters)),
		group,
		blocks: base.blocks.filter(
			(block) => inGroupCells.has(block.pre) && inGroupCells.has(block.post)
		),
		withheld
	};
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

export interface FormItem extends ItemStats {
	/** The question's text, or null when the quiz no longer has it. */
	text: string | null;
}

/** Item analysis of one version of a quiz: what every student of it saw. */
export interface FormStats {
	quizVersion: string;
	/** Whether it is the quiz as it stands (else an earlier wording). */
	current: boolean;
	analysis: Guarded<Omit<FormAnalysis, 'items'> & { items: FormItem[] }>;
}

export interface QuizStats {
	quizId: string;
	title: string;
	/** The language of the title and texts; null for a quiz the content no longer has. */
	locale: Locale | null;
	purpose: Purpose | null;
	finished: number;
	score: Guarded<ScoreSummary>;
	/** Finished attempts by score, from 0 to the highest possible. */
	distribution: Guarded<{ score: number; count: number }[]>;
	questions: QuestionStats[];
	/** Key messages, least understood first (those withheld last). */
	messages: MessageStats[];
	forms: FormStats[];
}

export interface PrePostStats {
	pre: { id: string; title: string; locale: Locale };
	post: { id: string; title: string; locale: Locale };
	preMean: Guarded<number>;
	postMean: Guarded<number>;
	/** Post mean minus pre mean, in percentage points, with Welch's 95 % interval. */
	gain: Guarded<Estimate>;
	/** Students matched by pairing code: their means and the mean of their own gains. */
	paired: Guarded<{ pre: number; post: number; gain: Estimate }>;
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
	/** Finished attempts in the view's figures. */
	attempts: number;
	/** Finished attempts of the view's class, quiz and days left out as fewer than five. */
	withheld: number;
	/** Attempts never finished, on every device (in no figure). */
	unfinished: number;
	/** Devices the results come from. */
	devices: number;
	quizzes: QuizStats[];
	prePost: PrePostStats[];
	sessions: SessionTotals;
}

interface Tally {
	right: number;
	total: number;
}

function quizStats(
	quizId: string,
	cells: readonly Cell[],
	base: StatsBase,
	info: QuizInfo | undefined
): QuizStats {
	const finished = cells.flatMap((cell) => cell.attempts);
	const tallies = new Map<string, Tally>();
	const byVersion = new Map<string, Attempt[]>();
	for (const cell of cells) {
		const list = byVersion.get(cell.quizVersion);
		if (list) list.push(...cell.attempts);
		else byVersion.set(cell.quizVersion, [...cell.attempts]);
	}
	const known = info?.questions ?? [];
	const texts = new Map(known.map((question) => [question.id, question.text]));
	const forms: FormStats[] = [];
	for (const [quizVersion, attempts] of byVersion) {
		const items = base.forms.get(formKey(quizId, quizVersion))!;
		const scores = attempts.map((attempt) => {
			const right = new Set<string>();
			for (const answer of attempt.answers) if (answer.correct) right.add(answer.questionId);
			return items.map((id) => (right.has(id) ? 1 : 0));
		});
		items.forEach((id, item) => {
			let tally = tallies.get(id);
			if (!tally) tallies.set(id, (tally = { right: 0, total: 0 }));
			tally.total += scores.length;
			for (const row of scores) tally.right += row[item]!;
		});
		forms.push({
			quizVersion,
			current: info?.versions.includes(quizVersion) ?? false,
			analysis: guard(attempts.length, () => {
				const analysis = analyseForm(items, scores);
				return {
					...analysis,
					items: analysis.items.map((item) => ({ ...item, text: texts.get(item.id) ?? null }))
				};
			})
		});
	}
	forms.sort(
		(a, b) => Number(b.current) - Number(a.current) || (a.quizVersion < b.quizVersion ? -1 : 1)
	);

	const knownIds = new Set(known.map((question) => question.id));
	const row = (id: string, text: string | null, checks: string | null): QuestionStats => {
		const tally = tallies.get(id) ?? { right: 0, total: 0 };
		return {
			id,
			text,
			checks,
			percentCorrect: guard(tally.total, () => (100 * tally.right) / tally.total)
		};
	};
	const questions = [
		...known.map((question) => row(question.id, question.text, question.checks)),
		// Questions of an earlier version that the quiz no longer has.
		...[...tallies.keys()]
			.filter((id) => !knownIds.has(id))
			.sort()
			.map((id) => row(id, null, null))
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

	const top = Math.max(0, ...finished.map((attempt) => attempt.maxScore));
	return {
		quizId,
		title: info?.title ?? quizId,
		locale: info?.locale ?? null,
		purpose: info?.purpose ?? null,
		finished: finished.length,
		score: guard(finished.length, () => ({
			mean: mean(finished.map((attempt) => attempt.score)),
			median: median(finished.map((attempt) => attempt.score)),
			meanPercent: mean(finished.map(percent)),
			maxScore: top
		})),
		distribution: guard(finished.length, () => {
			const counts = Array.from({ length: top + 1 }, (_, score) => ({ score, count: 0 }));
			for (const attempt of finished) counts[attempt.score]!.count += 1;
			return counts;
		}),
		questions,
		messages: messages.sort((a, b) => rank(a) - rank(b)),
		forms
	};
}

function prePostStats(pre: QuizInfo, post: QuizInfo, selection: Selection): PrePostStats {
	const percentsOf = (quizId: string) =>
		selection.group
			.filter((cell) => cell.quizId === quizId)
			.flatMap((cell) => cell.attempts.map(percent));
	const before = percentsOf(pre.id);
	const after = percentsOf(post.id);
	const pairs = selection.blocks
		.filter((block) => block.pre.quizId === pre.id && block.post.quizId === post.id)
		.flatMap((block) => block.pairs);
	return {
		pre: { id: pre.id, title: pre.title, locale: pre.locale },
		post: { id: post.id, title: post.title, locale: post.locale },
		preMean: guard(before.length, () => mean(before)),
		postMean: guard(after.length, () => mean(after)),
		gain: guard(Math.min(before.length, after.length), () => welchDifference(before, after)),
		paired: guard(pairs.length, () => ({
			pre: mean(pairs.map((pair) => percent(pair.pre))),
			post: mean(pairs.map((pair) => percent(pair.post))),
			gain: pairedDifference(pairs.map((pair) => percent(pair.post) - percent(pair.pre)))
		}))
	};
}

export function sessionTotals(
	sessions: readonly SessionRecord[],
	filters: Omit<Filters, 'quizId'>
): SessionTotals {
	const totals: SessionTotals = { held: 0, students: 0, girls: 0, boys: 0, counted: 0 };
	for (const session of sessions) {
		if (filters.classLabel && session.classLabel !== filters.classLabel) continue;
		if (!inDays(session.date, filters)) continue;
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
	base: StatsBase,
	sessions: readonly SessionRecord[],
	filters: Filters
): Dashboard {
	const selection = selectView(base, filters);
	const infos = new Map(base.quizzes.map((quiz) => [quiz.id, quiz]));
	const byQuiz = new Map<string, Cell[]>();
	for (const cell of selection.cells) {
		const list = byQuiz.get(cell.quizId);
		if (list) list.push(cell);
		else byQuiz.set(cell.quizId, [cell]);
	}
	// Quizzes in the content's order, then any the content no longer has.
	const order = new Map(base.quizzes.map((quiz, index) => [quiz.id, index]));
	const quizIds = [...byQuiz.keys()].sort(
		(a, b) =>
			(order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0)
	);
	const prePost = base.quizzes
		.filter(
			(quiz) => quiz.purpose === 'pre' && quiz.pair && infos.get(quiz.pair)?.purpose === 'post'
		)
		.filter((quiz) => !filters.quizId || filters.quizId === quiz.id || filters.quizId === quiz.pair)
		.map((quiz) => prePostStats(quiz, infos.get(quiz.pair!)!, selection))
		.filter((pair) => pair.preMean.n + pair.postMean.n > 0);
	return {
		attempts: selection.cells.reduce((sum, cell) => sum + cell.attempts.length, 0),
		withheld: selection.withheld,
		unfinished: base.unfinished,
		devices: base.devices,
		quizzes: quizIds.map((id) => quizStats(id, byQuiz.get(id)!, base, infos.get(id))),
		prePost,
		sessions: sessionTotals(sessions, filters)
	};
}
