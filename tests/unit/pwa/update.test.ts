import { describe, expect, it, vi } from 'vitest';
import { AppUpdate, type Locks as LockApi } from '$lib/pwa/update.svelte';

interface Request {
	mode: LockMode;
	run: () => void;
}

/**
 * The Web Locks the tabs of one browser share, as the specification grants them: in the
 * order asked, shared with shared, exclusive alone.
 */
class Locks implements LockApi {
	readonly held: LockMode[] = [];
	readonly queue: Request[] = [];

	request<T>(
		name: string,
		options: { mode: LockMode; signal?: AbortSignal },
		callback: LockGrantedCallback<T>
	): Promise<Awaited<T>> {
		const { mode } = options;
		return new Promise<Awaited<T>>((resolve, reject) => {
			const request: Request = {
				mode,
				run: () => {
					this.held.push(mode);
					void (async () => {
						try {
							resolve(await callback({ name, mode }));
						} catch (error) {
							reject(error);
						} finally {
							this.held.splice(this.held.indexOf(mode), 1);
							this.#grant();
						}
					})();
				}
			};
			options.signal?.addEventListener('abort', () => {
				const index = this.queue.indexOf(request);
				if (index === -1) return;
				this.queue.splice(index, 1);
				reject(new DOMException('aborted', 'AbortError'));
			});
			this.queue.push(request);
			this.#grant();
		});
	}

	async query(): Promise<LockManagerSnapshot> {
		const info = (mode: LockMode) => ({ name: 'smc-app-held', mode });
		return { held: this.held.map(info), pending: this.queue.map((request) => info(request.mode)) };
	}

	#grant(): void {
		for (;;) {
			const next = this.queue[0];
			if (!next) return;
			const free =
				next.mode === 'shared' ? !this.held.includes('exclusive') : this.held.length === 0;
			if (!free) return;
			this.queue.shift()!.run();
		}
	}
}

/** Lets the lock requests and callbacks queued so far run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a new version', () => {
	it('takes over a tab at once when nothing holds it', () => {
		const update = new AppUpdate(() => undefined);
		const reload = vi.fn();
		update.takeOver(reload);
		expect(reload).toHaveBeenCalledOnce();
	});

	it('never reloads a tab while it is held, and reloads it once the last hold is let go', () => {
		const update = new AppUpdate(() => undefined);
		const reload = vi.fn();
		const first = update.hold();
		const second = update.hold();
		update.takeOver(reload);
		first();
		first(); // letting go twice counts once
		expect(reload).not.toHaveBeenCalled();
		second();
		expect(reload).toHaveBeenCalledOnce();
	});

	it('keeps the prompt hidden from a held tab and while waiting for the class', async () => {
		const locks = new Locks();
		const update = new AppUpdate(() => locks);
		update.offer(async () => {});
		const release = update.hold();
		expect(update.prompt).toBe(false);
		release();
		expect(update.prompt).toBe(true);

		const station = new AppUpdate(() => locks);
		const releaseStation = station.hold();
		await settle();
		void update.reload();
		await settle();
		expect(update.pending).toBe(true);
		expect(update.prompt).toBe(false);
		releaseStation();
	});

	it('waits until no tab holds before it is applied, then is applied once', async () => {
		const locks = new Locks();
		const apply = vi.fn(async () => {});
		const teacher = new AppUpdate(() => locks);
		const stationA = new AppUpdate(() => locks);
		const stationB = new AppUpdate(() => locks);
		teacher.offer(apply);
		const releaseA = stationA.hold();
		const releaseB = stationB.hold();
		await settle();

		const applied = teacher.reload();
		await settle();
		expect(apply).not.toHaveBeenCalled();
		releaseA();
		await settle();
		expect(apply).not.toHaveBeenCalled();
		releaseB();
		await applied;
		expect(apply).toHaveBeenCalledOnce();
	});

	it('lets a station that starts while it waits finish first, rather than take over under it', async () => {
		const locks = new Locks();
		const apply = vi.fn(async () => {});
		const teacher = new AppUpdate(() => locks);
		const first = new AppUpdate(() => locks);
		const next = new AppUpdate(() => locks);
		teacher.offer(apply);
		const releaseFirst = first.hold();
		await settle();
		const applied = teacher.reload();
		await settle();
		// Another student starts while the teacher's tab waits: their hold is asked behind it.
		const releaseNext = next.hold();
		releaseFirst();
		await settle();
		await settle();
		expect(apply).not.toHaveBeenCalled();
		releaseNext();
		await applied;
		expect(apply).toHaveBeenCalledOnce();
	});

	it('stops waiting when the teacher chooses "Later", and is not applied', async () => {
		const locks = new Locks();
		const apply = vi.fn(async () => {});
		const teacher = new AppUpdate(() => locks);
		const station = new AppUpdate(() => locks);
		teacher.offer(apply);
		const release = station.hold();
		await settle();
		const applied = teacher.reload();
		await settle();
		teacher.cancel();
		await applied;
		expect(teacher.pending).toBe(false);
		expect(teacher.prompt).toBe(true);
		release();
		await settle();
		expect(apply).not.toHaveBeenCalled();
	});

	it('is applied at once where the browser has no Web Locks, as a tab that holds still never reloads', async () => {
		const apply = vi.fn(async () => {});
		const update = new AppUpdate(() => undefined);
		update.offer(apply);
		await update.reload();
		expect(apply).toHaveBeenCalledOnce();
	});
});
