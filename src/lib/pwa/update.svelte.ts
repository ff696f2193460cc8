/**
 * A new version of the app, and when it may take over. The app never reloads by itself: a
 * new version waits until the user chooses "Reload now". Even then it waits for the class: a
 * tab that holds (a station with a student's attempt open) is never reloaded, and while any
 * tab of the app holds, the new version does not take over at all, so an attempt begun on
 * one version finishes on it, with the files it was loaded from still in the offline copy.
 *
 * Across tabs the holds are a shared Web Lock: the tab where "Reload now" was chosen asks for
 * the same lock exclusively, which the browser grants once no tab holds it (a tab that closes
 * lets go by itself). Should a new version take over all the same (a student starting in the
 * very moment it does), a held tab reloads only once it is let go, back at Start.
 */

const LOCK = 'smc-app-held';

/** What this module asks of the Web Locks API (`navigator.locks`); tests give their own. */
export interface Locks {
	request<T>(
		name: string,
		options: { mode: LockMode; signal?: AbortSignal },
		callback: LockGrantedCallback<T>
	): Promise<Awaited<T>>;
	query(): Promise<LockManagerSnapshot>;
}

export class AppUpdate {
	/** A new version is installed and waiting. */
	waiting = $state(false);
	/** "Reload now" was chosen; the new version waits until no tab holds. */
	pending = $state(false);
	#holds = $state(0);
	#apply: (() => Promise<void>) | undefined;
	#cancel: AbortController | undefined;
	#unlock: (() => void) | undefined;
	#reloadWhenFree: (() => void) | undefined;
	readonly #locks: () => Locks | undefined;

	constructor(locks: () => Locks | undefined = () => globalThis.navigator?.locks) {
		this.#locks = locks;
	}

	/** Called by the service-worker registration when a new version is installed. */
	offer(apply: () => Promise<void>): void {
		this.#apply = apply;
		this.waiting = true;
	}

	/** Whether to show "A new version is ready": never to a tab that holds. */
	get prompt(): boolean {
		return this.waiting && !this.pending && this.#holds === 0;
	}

	get held(): boolean {
		return this.#holds > 0;
	}

	/**
	 * While held, this tab is not reloaded and no new version takes over in any tab of the
	 * app; the prompt stays hidden here. Holds until the returned function is called.
	 */
	hold(): () => void {
		this.#holds += 1;
		if (this.#holds === 1) this.#lock();
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#holds -= 1;
			if (this.#holds > 0) return;
			this.#unlock?.();
			this.#unlock = undefined;
			this.#reloadWhenFree?.();
		};
	}

	/** The new version has taken charge of the app: reloads into it, once nothing holds this tab. */
	takeOver(reload: () => void): void {
		if (this.#holds > 0) this.#reloadWhenFree = reload;
		else reload();
	}

	dismiss(): void {
		this.cancel();
		this.waiting = false;
	}

	/** "Reload now": lets the new version take over as soon as no tab of the app holds. */
	async reload(): Promise<void> {
		const apply = this.#apply;
		const locks = this.#locks();
		if (!apply || this.pending) return;
		if (!locks) {
			await apply();
			return;
		}
		this.pending = true;
		this.#cancel = new AbortController();
		const { signal } = this.#cancel;
		const applyWhenFree = () =>
			locks.request(LOCK, { mode: 'exclusive', signal }, async () => {
				// A station that started while this tab waited asked for the shared lock behind
				// this request: let it through and wait for it too, rather than take over under it.
				const { pending = [] } = await locks.query();
				if (pending.some((lock) => lock.name === LOCK && lock.mode === 'shared')) return false;
				await apply();
				return true;
			});
		try {
			while (!(await applyWhenFree()));
			// Applied: the page reloads as soon as the new version is in charge.
		} catch (error) {
			this.pending = false;
			if (!signal.aborted) throw error;
		} finally {
			if (this.#cancel?.signal === signal) this.#cancel = undefined;
		}
	}

	/** "Later", while waiting for the class: the new version waits for the next choice. */
	cancel(): void {
		this.#cancel?.abort();
	}

	#lock(): void {
		const locks = this.#locks();
		if (!locks) return;
		const held = new Promise<void>((resolve) => (this.#unlock = resolve));
		locks
			.request(LOCK, { mode: 'shared' }, () => held)
			.catch(() => {
				// Without the lock this tab still never reloads while held; only other tabs cannot see it.
			});
	}
}

export const appUpdate = new AppUpdate();
