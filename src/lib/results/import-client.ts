/**
 * Checking picked files off the page, in the trainer's Workers (results-worker.ts): the page
 * only sends the files and receives each file's verdict, then asks the Workers to open what
 * passed. Where a Worker cannot start, the same check runs on the page, step by step with a
 * pause between steps, and the opening too.
 */
import {
	checkExportSteps,
	MAX_IMPORT_BYTES,
	type CheckOptions,
	type ImportCheck
} from './import-check';
import { ask, pause, startResultsWorker, workerCount, type OpeningKey } from './opening';
import type { CheckResponse } from './results-worker';
import { openEach, type Opened } from './unseal';

async function checkHere(file: File, options: CheckOptions): Promise<ImportCheck> {
	if (file.size > MAX_IMPORT_BYTES) {
		return { ok: false, refusal: { code: 'too-large', detail: String(file.size) } };
	}
	let text: string;
	try {
		text = await file.text();
	} catch {
		return { ok: false, refusal: { code: 'unreadable' } };
	}
	const steps = checkExportSteps(text, options);
	for (let step = steps.next(); ; step = steps.next()) {
		if (step.done) return step.value;
		await pause();
	}
}

/** A picked file, checked, and if it is sealed and passed, its attempts opened. */
export interface CheckedPick {
	verdict: ImportCheck;
	/** One for each attempt of a sealed file that passed, in order; empty otherwise. */
	opened: Opened[];
}

/** Milliseconds spent checking files and opening attempts, summed over the Workers. */
export interface Spent {
	check: number;
	open: number;
}

/** Opens what a Worker left unopened (it could not load its curve code, say). */
async function openRest(
	picks: { verdict: ImportCheck; opened?: Opened[] }[],
	key: OpeningKey
): Promise<CheckedPick[]> {
	const done: CheckedPick[] = [];
	for (const { verdict, opened } of picks) {
		const sealed = verdict.ok && verdict.file.version === 2 ? verdict.file : undefined;
		done.push({
			verdict,
			opened: opened ?? (sealed ? await openEach(key.recipient, sealed.attempts, pause) : [])
		});
	}
	return done;
}

/**
 * Checks every file, and opens the attempts of each sealed file that passes, in Workers, one
 * per core up to four, the files dealt out between them: a Worker opens a file's attempts as
 * soon as it has checked it, so the attempts are never sent back and forth. A file's own
 * limits are checked before anything in it is opened; the limits of the whole pick after
 * (the pick itself is limited in size before any file is read). Where no Worker starts,
 * the page does both, a step at a time.
 */
export async function checkFiles(
	files: readonly File[],
	options: CheckOptions,
	key: OpeningKey
): Promise<{ picks: CheckedPick[]; spent: Spent }> {
	const workers: Worker[] = [];
	try {
		for (let index = workerCount(files.length); index > 0; index--) {
			workers.push(startResultsWorker());
		}
	} catch {
		for (const worker of workers) worker.terminate();
		const started = performance.now();
		const verdicts: ImportCheck[] = [];
		for (const file of files) verdicts.push(await checkHere(file, options));
		const opening = performance.now();
		const picks = await openRest(
			verdicts.map((verdict) => ({ verdict })),
			key
		);
		return { picks, spent: { check: opening - started, open: performance.now() - opening } };
	}
	try {
		const answers = await Promise.all(
			files.map((file, id) =>
				ask<CheckResponse>(workers[id % workers.length]!, {
					kind: 'check',
					id,
					file,
					options,
					privateKey: key.privateKey
				})
			)
		);
		const spent: Spent = { check: 0, open: 0 };
		for (const answer of answers) {
			spent.check += answer.spent.check;
			spent.open += answer.spent.open;
		}
		const picks = await openRest(
			answers.map(({ result, opened }) => ({ verdict: result, opened })),
			key
		);
		return { picks, spent };
	} finally {
		for (const worker of workers) worker.terminate();
	}
}
