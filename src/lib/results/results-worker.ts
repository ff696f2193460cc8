/**
 * The trainer's work off the page, in a module Worker: checking a picked file
 * (import-check.ts), so that JSON.parse of a 20 MB file, a fifth of a second and more on a
 * school laptop, never holds the page up, and opening sealed attempts (opening.ts): those
 * of a file it has just checked, or those it is sent. Start it with
 * `new Worker(new URL('./results-worker.ts', import.meta.url), { type: 'module' })`, post
 * requests and receive a response for each, by id, in any order.
 */
import { recipient } from '$lib/crypto/hpke';
import type { SealedAttemptRecord } from './db';
import { checkExportFile, type CheckOptions, type ImportCheck } from './import-check';
import { openEach, type Opened } from './unseal';

/**
 * The private key comes as bytes: it is in the page's memory while the key is unlocked,
 * and the page ends this Worker as soon as it has answered.
 */
export interface CheckRequest {
	kind: 'check';
	id: number;
	file: Pick<File, 'size' | 'text'>;
	options: CheckOptions;
	/** Given, a sealed file that passes is opened at once. */
	privateKey?: Uint8Array;
}

export interface CheckResponse {
	id: number;
	result: ImportCheck;
	/** The attempts of a sealed file that passed, opened, one for each in order. */
	opened?: Opened[];
	/** Milliseconds spent here checking, and opening. */
	spent: { check: number; open: number };
}

export interface OpenRequest {
	kind: 'open';
	id: number;
	privateKey: Uint8Array;
	records: Pick<SealedAttemptRecord, 'uuid' | 'parts'>[];
}

export type OpenResponse =
	| {
			id: number;
			/** One for each record, in the same order. */
			opened: Opened[];
	  }
	/** The Worker could not do it (its curve code did not load, say): the page does it. */
	| { id: number; failed: string };

export type WorkerRequest = CheckRequest | OpenRequest;

export async function answerRequest(request: CheckRequest): Promise<CheckResponse> {
	const checking = performance.now();
	const result = await checkExportFile(request.file, request.options);
	const opening = performance.now();
	const response: CheckResponse = {
		id: request.id,
		result,
		spent: { check: opening - checking, open: 0 }
	};
	if (result.ok && result.file.version === 2 && request.privateKey) {
		const answer = await answerOpen({
			kind: 'open',
			id: request.id,
			privateKey: request.privateKey,
			records: result.file.attempts
		});
		// Left out if the Worker could not open them: the page does it then.
		if ('opened' in answer) response.opened = answer.opened;
		response.spent.open = performance.now() - opening;
	}
	return response;
}

export async function answerOpen(request: OpenRequest): Promise<OpenResponse> {
	try {
		const key = await recipient(request.privateKey);
		return { id: request.id, opened: await openEach(key, request.records) };
	} catch (error) {
		return { id: request.id, failed: String(error) };
	}
}

interface WorkerScope {
	WorkerGlobalScope?: unknown;
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: CheckResponse | OpenResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
if (scope.WorkerGlobalScope !== undefined) {
	// One request at a time, in the order sent: a file's text is held only while it is
	// worked on, and each answer's times are its own.
	let queue = Promise.resolve();
	scope.onmessage = ({ data }) => {
		queue = queue.then(async () => {
			scope.postMessage(data.kind === 'open' ? await answerOpen(data) : await answerRequest(data));
		});
	};
}
