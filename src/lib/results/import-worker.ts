/**
 * The import check off the page: a module Worker that reads a picked file and checks it
 * (import-check.ts), so that JSON.parse of a 20 MB file, a fifth of a second and more on a
 * school laptop, never holds the page up. Start it with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`, post a
 * `CheckRequest` per file and receive a `CheckResponse` for each, in any order.
 */
import { checkExportFile, type CheckOptions, type ImportCheck } from './import-check';

export interface CheckRequest {
	id: number;
	file: Pick<File, 'size' | 'text'>;
	options: CheckOptions;
}

export interface CheckResponse {
	id: number;
	result: ImportCheck;
}

export async function answerRequest(request: CheckRequest): Promise<CheckResponse> {
	return { id: request.id, result: await checkExportFile(request.file, request.options) };
}

interface WorkerScope {
	WorkerGlobalScope?: unknown;
	onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
	postMessage(message: CheckResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
if (scope.WorkerGlobalScope !== undefined) {
	scope.onmessage = (event) => {
		void answerRequest(event.data).then((response) => scope.postMessage(response));
	};
}
