/**
 * Opening many sealed attempts at once, on the trainer's device: after unlocking, and for an
 * import. Each attempt is an HPKE open (a few WebCrypto calls and some hashing) and a check
 * of what it holds: a third of a millisecond on this project's bench machine, so a term's
 * 5,000 attempts would hold one thread for nearly two seconds. They are shared out between
 * Workers (results-worker.ts), one per core up to four, each given its share and the private
 * key, and each ended as soon as it has answered. Where a Worker cannot start or do it (the
 * curve code a Worker loads where WebCrypto lacks X25519 is not kept offline), the page does
 * the work itself, in batches with a pause between them, so that it keeps answering taps.
 */
import type { Recipient } from '$lib/crypto/hpke';
import type { Attempt } from './attempt';
import type { SealedAttemptRecord } from './db';
import type { OpenRequest, OpenResponse, WorkerRequest } from './results-worker';
import { openEach, type Opened, type OpenProblem } from './unseal';

/** Fewer than this are opened on the page: starting a Worker would cost more. */
const WORKER_FROM = 100;
const MAX_WORKERS = 4;

/** What opens attempts: the key opened here, and its private half for the Workers. */
export interface OpeningKey {
	recipient: Recipient;
	privateKey: Uint8Array;
}

type SealedRecord = Pick<SealedAttemptRecord, 'uuid' | 'parts'>;

export interface OpenedMany {
	attempts: Attempt[];
	/** Records that did not open, with why: tampered, or not what the app writes. */
	unreadable: { uuid: string; problem: OpenProblem }[];
}

/** Lets the browser draw and handle input between batches. */
export const pause = () => new Promise<void>((resume) => setTimeout(resume, 0));

/** How many Workers for `jobs` pieces of work: one per core, up to four. */
export function workerCount(jobs: number): number {
	const cores = globalThis.navigator?.hardwareConcurrency || 2;
	return Math.max(1, Math.min(MAX_WORKERS, cores, jobs));
}

/** Throws where Workers cannot start (the caller then does the work on the page). */
export function startResultsWorker(): Worker {
	if (typeof Worker === 'undefined') throw new Error('No Workers here');
	return new Worker(new URL('./results-worker.ts', import.meta.url), { type: 'module' });
}

type Waiting = Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
const waiting = new WeakMap<Worker, Waiting>();

/** Posts a request to a results Worker and waits for the answer with its id. */
export function ask<Response extends { id: number }>(
	worker: Worker,
	request: WorkerRequest
): Promise<Response> {
	let pending = waiting.get(worker);
	if (!pending) {
		const created: Waiting = new Map();
		pending = created;
		waiting.set(worker, created);
		worker.onmessage = ({ data }: MessageEvent<{ id: number }>) => {
			created.get(data.id)?.resolve(data);
			created.delete(data.id);
		};
		const failAll = (error: Error) => {
			for (const { reject } of created.values()) reject(error);
			created.clear();
		};
		worker.onerror = (event) => failAll(new Error(event.message));
		worker.onmessageerror = () => failAll(new Error('A Worker answer could not be read'));
	}
	return new Promise<Response>((resolve, reject) => {
		pending.set(request.id, { resolve: (value) => resolve(value as Response), reject });
		worker.postMessage(request);
	});
}

/** The outcomes of an open request, or an error if the Worker could not do it. */
export async function askToOpen(worker: Worker, request: OpenRequest): Promise<Opened[]> {
	const answer = await ask<OpenResponse>(worker, request);
	if ('failed' in answer) throw new Error(answer.failed);
	return answer.opened;
}

/** An outcome for each record, in the same order. */
export async function openAll(
	key: OpeningKey,
	records: readonly SealedRecord[]
): Promise<Opened[]> {
	if (records.length < WORKER_FROM) return openEach(key.recipient, records, pause);
	const count = workerCount(Math.ceil(records.length / WORKER_FROM));
	const share = Math.ceil(records.length / count);
	const workers: Worker[] = [];
	try {
		for (let index = 0; index < count; index++) workers.push(startResultsWorker());
		const outcomes = await Promise.all(
			workers.map((worker, index) =>
				askToOpen(worker, {
					kind: 'open',
					id: index,
					privateKey: key.privateKey,
					records: records.slice(index * share, (index + 1) * share)
				})
			)
		);
		return outcomes.flat();
	} catch {
		return openEach(key.recipient, records, pause);
	} finally {
		for (const worker of workers) worker.terminate();
	}
}

/**
 * The attempts that opened, and those that did not. An attempt can be held twice (kept in
 * clear here by an earlier version, then merged from its station's file): it counts once,
 * and is unreadable only if no copy opens.
 */
export async function openMany(
	key: OpeningKey,
	records: readonly SealedRecord[]
): Promise<OpenedMany> {
	const attempts = new Map<string, Attempt>();
	const unreadable = new Map<string, OpenProblem>();
	(await openAll(key, records)).forEach((outcome, index) => {
		if (outcome.ok) attempts.set(outcome.attempt.uuid, outcome.attempt);
		else unreadable.set(records[index]!.uuid, outcome.problem);
	});
	return {
		attempts: [...attempts.values()],
		unreadable: [...unreadable]
			.filter(([uuid]) => !attempts.has(uuid))
			.map(([uuid, problem]) => ({ uuid, problem }))
	};
}
