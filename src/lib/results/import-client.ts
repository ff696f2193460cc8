/**
 * Checking picked files off the page, in the import Worker (import-worker.ts): the page
 * only sends the files and receives each file's verdict. Where a Worker cannot start, the
 * same check runs on the page, step by step with a pause between steps.
 */
import {
	checkExportSteps,
	MAX_IMPORT_BYTES,
	type CheckOptions,
	type ImportCheck
} from './import-check';
import type { CheckRequest, CheckResponse } from './import-worker';

const pause = () => new Promise<void>((resume) => setTimeout(resume, 0));

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

/**
 * Checks every file: a verdict per file, in the same order, each settled as soon as its
 * file is checked, so that the page can open one file while the Worker checks the next.
 */
export function checkEach(files: readonly File[], options: CheckOptions): Promise<ImportCheck>[] {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	} catch {
		// One after another on the page: each waits for the one before it.
		let previous: Promise<unknown> = Promise.resolve();
		return files.map((file) => {
			const verdict = previous.then(() => checkHere(file, options));
			previous = verdict;
			return verdict;
		});
	}
	const settle: { resolve(verdict: ImportCheck): void; reject(error: Error): void }[] = [];
	const verdicts = files.map(
		() => new Promise<ImportCheck>((resolve, reject) => settle.push({ resolve, reject }))
	);
	let left = files.length;
	worker.onmessage = (event: MessageEvent<CheckResponse>) => {
		settle[event.data.id]?.resolve(event.data.result);
		left -= 1;
		if (left === 0) worker.terminate();
	};
	worker.onerror = (event) => {
		for (const pending of settle) pending.reject(new Error(event.message));
		worker.terminate();
	};
	files.forEach((file, id) => {
		const request: CheckRequest = { id, file, options };
		worker.postMessage(request);
	});
	if (files.length === 0) worker.terminate();
	return verdicts;
}
