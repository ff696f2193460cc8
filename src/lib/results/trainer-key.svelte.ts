/**
 * The trainer's key on the trainer's own device: made once (with a recovery sheet to print),
 * unlocked with the passphrase, locked again by hand or after ten idle minutes. While it is
 * unlocked, the private key lives in this object's private field, never in reactive state,
 * storage or the address; locking drops it and everything read with it (trainer.svelte.ts).
 */
import { passphraseProblem, WrongPassphrase, type PassphraseProblem } from '$lib/crypto/passphrase';
import { keyFromRecoveryWords, recoveryWords, type RecoveryProblem } from '$lib/crypto/recovery';
import { fromBase64Url } from '$lib/crypto/bytes';
import { stationKeyFile, stationKeyFragment } from '$lib/crypto/station-link';
import { storageFailure, type StorageFailure, type TrainerKeyRecord } from './db';
import { timeAt } from './ids';
import { readKeys } from './keys';
import {
	changePassphrase,
	createTrainerKey,
	restoreTrainerKey,
	unlockTrainerKey,
	type UnlockedKey
} from './trainer-keys';

export type KeyGate = 'checking' | 'unavailable' | 'no-key' | 'locked' | 'open';

/** Ten minutes without a touch, a click or a key: the results area locks itself. */
export const IDLE_LOCK_MS = 10 * 60_000;

export type KeyMessage =
	| { kind: 'wrong-passphrase' }
	| { kind: 'mismatch' }
	| { kind: 'passphrase'; problem: PassphraseProblem }
	| { kind: 'recovery'; problem: RecoveryProblem }
	| { kind: 'changed' }
	| { kind: 'locked-idle' };

export class TrainerKey {
	gate = $state<KeyGate>('checking');
	record = $state.raw<TrainerKeyRecord | undefined>();
	busy = $state(false);
	message = $state<KeyMessage | null>(null);
	/** Which form the message is about, so that only that form shows it. */
	messageFor = $state<'gate' | 'change' | 'delete'>('gate');
	failure = $state<StorageFailure | undefined>();
	/** Just made or restored: the recovery sheet comes before anything else. */
	fresh = $state(false);

	#key: UnlockedKey | null = null;
	#idle: ReturnType<typeof setTimeout> | undefined;
	readonly #onLock: () => void;
	readonly #iterations: number | undefined;

	/** `onLock` drops what was read with the key; `iterations` only for tests. */
	constructor(onLock: () => void, iterations?: number) {
		this.#onLock = onLock;
		this.#iterations = iterations;
	}

	get unlocked(): UnlockedKey | null {
		return this.#key;
	}

	async init(): Promise<void> {
		try {
			this.record = (await readKeys()).trainer;
			this.gate = this.record ? 'locked' : 'no-key';
		} catch (error) {
			this.failure = storageFailure(error);
			this.gate = 'unavailable';
		}
	}

	async #guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
		this.busy = true;
		this.failure = undefined;
		try {
			return await work();
		} catch (error) {
			if (error instanceof WrongPassphrase) this.message = { kind: 'wrong-passphrase' };
			else this.failure = storageFailure(error);
			return undefined;
		} finally {
			this.busy = false;
		}
	}

	#checkNew(passphrase: string, again: string): boolean {
		const problem = passphraseProblem(passphrase);
		if (problem) {
			this.message = { kind: 'passphrase', problem };
			return false;
		}
		if (passphrase !== again) {
			this.message = { kind: 'mismatch' };
			return false;
		}
		return true;
	}

	async create(passphrase: string, again: string): Promise<boolean> {
		this.message = null;
		if (!this.#checkNew(passphrase, again)) return false;
		const key = await this.#guarded(() =>
			createTrainerKey(passphrase, timeAt(), undefined, this.#iterations)
		);
		if (!key) return false;
		this.fresh = true;
		this.#open(key);
		return true;
	}

	/** From the recovery sheet's 24 words, with a new passphrase. */
	async restore(words: string, passphrase: string, again: string): Promise<boolean> {
		this.message = null;
		const found = keyFromRecoveryWords(words);
		if (!found.ok) {
			this.message = { kind: 'recovery', problem: found.problem };
			return false;
		}
		if (!this.#checkNew(passphrase, again)) return false;
		const key = await this.#guarded(() =>
			restoreTrainerKey(found.privateKey, passphrase, timeAt(), undefined, this.#iterations)
		);
		if (!key) return false;
		this.#open(key);
		return true;
	}

	async unlock(passphrase: string): Promise<boolean> {
		const record = this.record;
		if (!record || this.busy) return false;
		this.message = null;
		const started = performance.now();
		const key = await this.#guarded(() => unlockTrainerKey(record, passphrase));
		if (!key) return false;
		performance.measure('smc:unlock', { start: started });
		this.#open(key);
		return true;
	}

	async changePassphrase(current: string, next: string, again: string): Promise<boolean> {
		const key = this.#key;
		if (!key) return false;
		this.message = null;
		this.messageFor = 'change';
		if (!this.#checkNew(next, again)) return false;
		// The current passphrase again: an unlocked laptop left open must not be taken over.
		const checked = await this.#guarded(() => unlockTrainerKey(key.record, current));
		if (!checked) return false;
		const changed = await this.#guarded(() =>
			changePassphrase(key, next, undefined, this.#iterations)
		);
		if (!changed) return false;
		this.#key = changed;
		this.record = changed.record;
		this.message = { kind: 'changed' };
		return true;
	}

	/** Whether `passphrase` opens the key: asked again before deleting results. */
	async confirm(passphrase: string): Promise<boolean> {
		const record = this.record;
		if (!record) return false;
		this.message = null;
		this.messageFor = 'delete';
		return (await this.#guarded(() => unlockTrainerKey(record, passphrase))) !== undefined;
	}

	/** The recovery sheet's words, only while unlocked. */
	recoveryWords(): string[] | undefined {
		return this.#key ? recoveryWords(this.#key.privateKey) : undefined;
	}

	/** The link that installs this key on a tablet: the key travels in the fragment only. */
	stationLink(origin: string): string | undefined {
		const record = this.record;
		return record && `${origin}/quiz#${stationKeyFragment(fromBase64Url(record.publicKey))}`;
	}

	stationFile(): { name: string; text: string } | undefined {
		const record = this.record;
		if (!record) return undefined;
		return {
			name: `smc-station-key-${record.keyId}.json`,
			text: stationKeyFile(fromBase64Url(record.publicKey), record.keyId, record.createdAt)
		};
	}

	recoverySeen(): void {
		this.fresh = false;
	}

	/** Any touch, click or key press while unlocked puts the idle lock off. */
	activity(): void {
		if (this.gate !== 'open') return;
		clearTimeout(this.#idle);
		this.#idle = setTimeout(() => {
			this.lock();
			this.message = { kind: 'locked-idle' };
		}, IDLE_LOCK_MS);
	}

	lock(): void {
		clearTimeout(this.#idle);
		this.#key = null;
		this.fresh = false;
		this.message = null;
		this.messageFor = 'gate';
		if (this.gate === 'open') this.gate = 'locked';
		this.#onLock();
	}

	dispose(): void {
		clearTimeout(this.#idle);
		this.#key = null;
	}

	#open(key: UnlockedKey): void {
		this.messageFor = 'gate';
		this.#key = key;
		this.record = key.record;
		this.gate = 'open';
		this.activity();
	}
}
