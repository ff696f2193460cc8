/**
 * An import on the trainer's device, from the picked files to the merge on disk:
 * 1. the pick is checked (how many files, how large) before any file is read;
 * 2. each file is checked off the page (import-client.ts): its form, its limits, that it is
 *    sealed to this trainer's key; its attempts are opened there too;
 * 3. the pick as a whole is checked against its limits, then each attempt against the
 *    quizzes and against itself (validate.ts); the session log too. One impossible record
 *    refuses the whole file;
 * 4. the files that pass are planned against what is held (merge.ts: each record once,
 *    the same result whatever the order) and written in one transaction (archive.ts).
 * Attempts stay sealed on disk as they came; a version 1 file (plaintext, from tablets of
 * an earlier version) is sealed to the trainer's key before it is kept.
 */
import type { Attempt } from './attempt';
import { writeMerge } from './archive';
import {
	storageFailure,
	type SealedAttemptRecord,
	type SessionRecord,
	type StorageFailure
} from './db';
import { timeAt } from './ids';
import { checkFiles } from './import-client';
import {
	checkImportTotals,
	checkSelection,
	checkSessionsPart,
	type CheckedFile,
	type Refusal
} from './import-check';
import { planMerge, type Conflict, type Counts, type IncomingFile } from './merge';
import type { OpeningKey } from './opening';
import { sealPart, type SealingKey } from './seal';
import { openSessions, type Opened } from './unseal';
import type { QuizInfo } from './stats';
import {
	quizCatalogue,
	validateAttempts,
	type AttemptProblem,
	type QuizCatalogue
} from './validate';

/** Why a file of an import was refused: a check of its form, or of what it holds. */
export type FileRefusal =
	| { kind: 'file'; refusal: Refusal }
	| { kind: 'undecryptable'; count: number }
	| { kind: 'attempt'; problem: AttemptProblem; index: number };

export interface ImportSummary {
	files: number;
	added: Counts;
	present: Counts;
	conflicts: Conflict[];
	refused: { name: string; why: FileRefusal }[];
	/** Set when the whole pick was refused before any file was read. */
	selection?: Refusal;
	/** Set when the merge itself failed (nothing was written). */
	failure?: StorageFailure;
	/** What was added, opened: the page adds it to what it shows. */
	newAttempts: Attempt[];
	newSessions: SessionRecord[];
}

export interface ImportContext {
	key: SealingKey;
	/** The trainer's key, unlocked. */
	unlocked: OpeningKey;
	quizzes: readonly QuizInfo[];
	holding: { attempts: readonly Attempt[]; sessions: readonly SessionRecord[] };
}

type FileOpened =
	{ ok: true; file: IncomingFile<SealedAttemptRecord> } | { ok: false; why: FileRefusal };

/**
 * One checked file, checked record by record, ready to be planned. The attempts of a
 * sealed file come opened (`opened`, one for each, in order).
 */
async function openFile(
	name: string,
	file: CheckedFile,
	opened: readonly Opened[],
	context: ImportContext,
	catalogue: QuizCatalogue
): Promise<FileOpened> {
	const { key, unlocked } = context;
	let attempts: Attempt[];
	let sealed = new Map<string, SealedAttemptRecord>();
	let sessions: SessionRecord[] = [];
	if (file.version === 2) {
		const unreadable = opened.filter((outcome) => !outcome.ok).length;
		if (unreadable > 0) return { ok: false, why: { kind: 'undecryptable', count: unreadable } };
		attempts = opened.flatMap((outcome) => (outcome.ok ? [outcome.attempt] : []));
		sealed = new Map(
			file.attempts.map((record) => [
				record.uuid,
				{ uuid: record.uuid, keyId: key.keyId, parts: record.parts }
			])
		);
		if (file.sessions) {
			const values = await openSessions(unlocked.recipient, file.device, file.sessions);
			if (values === undefined) return { ok: false, why: { kind: 'undecryptable', count: 1 } };
			const checked = checkSessionsPart({ v: 1, sessions: values });
			if (!checked.ok) return { ok: false, why: { kind: 'file', refusal: checked.refusal } };
			sessions = checked.sessions;
		}
	} else {
		attempts = file.attempts;
		sessions = file.sessions;
	}
	const validating = performance.now();
	const valid = validateAttempts(attempts, catalogue, {
		exportedAt: file.exportedAt,
		now: timeAt()
	});
	performance.measure('smc:import-validate', { start: validating });
	if (!valid.ok) {
		return { ok: false, why: { kind: 'attempt', problem: valid.problem, index: valid.index } };
	}
	if (file.version === 1) {
		// It came in clear: it is kept here sealed, like everything else.
		const records = await Promise.all(valid.attempts.map((attempt) => sealWhole(key, attempt)));
		sealed = new Map(records.map((record) => [record.uuid, record]));
	}
	return {
		ok: true,
		file: {
			name,
			attempts: valid.attempts.map((attempt) => ({ attempt, sealed: sealed.get(attempt.uuid)! })),
			sessions
		}
	};
}

/** Checks, opens, plans and writes an import; what it did, file by file. */
export async function importFiles(
	files: readonly File[],
	context: ImportContext
): Promise<ImportSummary> {
	const summary: ImportSummary = {
		files: files.length,
		added: { attempts: 0, sessions: 0 },
		present: { attempts: 0, sessions: 0 },
		conflicts: [],
		refused: [],
		newAttempts: [],
		newSessions: []
	};
	const selection = checkSelection(files.map(({ name, size }) => ({ name, size })));
	if (selection) return { ...summary, selection };

	const started = performance.now();
	const { picks, spent } = await checkFiles(files, { keyId: context.key.keyId }, context.unlocked);
	// The Workers' own time, summed over them: they check and open side by side.
	performance.measure('smc:import-check', { start: started, duration: spent.check });
	performance.measure('smc:import-decrypt', { start: started, duration: spent.open });
	const totals = checkImportTotals(
		picks.flatMap(({ verdict }) => (verdict.ok ? [verdict.file] : []))
	);
	if (totals) return { ...summary, selection: totals };

	const catalogue = quizCatalogue(context.quizzes);
	const incoming: IncomingFile<SealedAttemptRecord>[] = [];
	for (const [index, { verdict, opened }] of picks.entries()) {
		const name = files[index]!.name;
		if (!verdict.ok) {
			summary.refused.push({ name, why: { kind: 'file', refusal: verdict.refusal } });
			continue;
		}
		const file = await openFile(name, verdict.file, opened, context, catalogue);
		if (file.ok) incoming.push(file.file);
		else summary.refused.push({ name, why: file.why });
	}
	performance.measure('smc:import-open', { start: started });
	if (incoming.length === 0) return summary;

	const plan = planMerge(incoming, {
		attempts: new Map(context.holding.attempts.map((attempt) => [attempt.uuid, attempt])),
		sessions: new Map(context.holding.sessions.map((session) => [session.uuid, session]))
	});
	try {
		const writing = performance.now();
		await writeMerge(
			plan.add.attempts.map((added) => added.sealed),
			plan.add.sessions
		);
		performance.measure('smc:merge-write', { start: writing });
	} catch (error) {
		return { ...summary, failure: storageFailure(error) };
	}
	performance.measure('smc:merge', { start: started });
	return {
		...summary,
		added: { attempts: plan.add.attempts.length, sessions: plan.add.sessions.length },
		present: plan.present,
		conflicts: plan.conflicts,
		newAttempts: plan.add.attempts.map((added) => added.attempt),
		newSessions: plan.add.sessions
	};
}

/** A whole attempt (from a version 1 file) sealed as one part, to be kept like any other. */
async function sealWhole(key: SealingKey, attempt: Attempt): Promise<SealedAttemptRecord> {
	const { score: _, answers, finishedAt, status, ...header } = attempt;
	const part = await sealPart(key, attempt.uuid, {
		v: 1,
		header,
		answers,
		end: finishedAt ? { finishedAt, status } : null
	});
	return { uuid: attempt.uuid, keyId: key.keyId, parts: [part] };
}

/** `list` without the items of `removed` (the same objects). */
export function without<T>(list: readonly T[], removed: readonly T[]): T[] {
	const gone = new Set(removed);
	return list.filter((item) => !gone.has(item));
}

/** Each value once, in the order first seen. */
export function distinct<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}
