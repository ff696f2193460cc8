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

/** Checks every file, a verdict per file in the same order. */
export async function checkFiles(
	files: readonly File[],
	options: CheckOptions
): Promise<ImportCheck[]> {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	} catch {
		const verdicts: ImportCheck[] = [];
		for (const file of files) verdicts.push(await checkHere(file, options));
		return verdicts;
	}
	try {
		return await new Promise<ImportCheck[]>((resolve, reject) => {
			const verdicts: ImportCheck[] = new Array<ImportCheck>(files.length);
			let left = files.length;
			worker.onmessage = (event: MessageEvent<CheckResponse>) => {
				verdicts[event.data.id] = event.data.result;
				left -= 1;
				if (left === 0) resolve(verdicts);
			};
			worker.onerror = (event) => reject(new Error(event.message));
			files.forEach((file, id) => {
				const request: CheckRequest = { id, file, options };
				worker.postMessage(request);
			});
			if (files.length === 0) resolve([]);
		});
	} finally {
		worker.terminate();
	}
}
