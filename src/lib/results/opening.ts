/**
 * Opening many sealed attempts at once, on the trainer's device: after unlocking, and for
 * every file of an import. The work is cut into batches with a pause between them, so that
 * the page keeps answering taps while thousands of attempts are decrypted.
 */
import type { Recipient } from '$lib/crypto/hpke';
import type { Attempt } from './attempt';
import type { SealedAttemptRecord } from './db';
import { openAttempt, type OpenProblem } from './seal';

const BATCH = 200;

/** Lets the browser draw and handle input between batches. */
const pause = () => new Promise<void>((resume) => setTimeout(resume, 0));

export interface OpenedMany {
	attempts: Attempt[];
	/** Records that did not open, with why: tampered, or not what the app writes. */
	unreadable: { uuid: string; problem: OpenProblem }[];
}

export async function openMany(
	recipient: Recipient,
	records: readonly Pick<SealedAttemptRecord, 'uuid' | 'parts'>[]
): Promise<OpenedMany> {
	const result: OpenedMany = { attempts: [], unreadable: [] };
	for (let start = 0; start < records.length; start += BATCH) {
		if (start > 0) await pause();
		const batch = records.slice(start, start + BATCH);
		const opened = await Promise.all(batch.map((record) => openAttempt(recipient, record)));
		opened.forEach((outcome, index) => {
			if (outcome.ok) result.attempts.push(outcome.attempt);
			else result.unreadable.push({ uuid: batch[index]!.uuid, problem: outcome.problem });
		});
	}
	return result;
}
