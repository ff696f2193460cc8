import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resultsDb } from '$lib/results/db';
import { IDLE_LOCK_MS, TrainerKey } from '$lib/results/trainer-key.svelte';

const PASSPHRASE = 'orbit lantern mosaic velvet';

afterEach(async () => {
	vi.useRealTimers();
	await resultsDb().keys.clear();
});

describe('the unlocked results', () => {
	it('lock themselves after ten minutes without use, and drop the key and what it opened', async () => {
		// Only the timers: IndexedDB's own scheduling stays real.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const dropped = vi.fn();
		const key = new TrainerKey(dropped, 1_000);
		await key.init();
		expect(await key.create(PASSPHRASE, PASSPHRASE)).toBe(true);
		expect(key.gate).toBe('open');

		// A touch just before the end starts the ten minutes again.
		vi.advanceTimersByTime(IDLE_LOCK_MS - 1_000);
		key.activity();
		vi.advanceTimersByTime(IDLE_LOCK_MS - 1_000);
		expect(key.unlocked).not.toBeNull();
		expect(dropped).not.toHaveBeenCalled();

		vi.advanceTimersByTime(1_000);
		expect(key.gate).toBe('locked');
		expect(key.unlocked).toBeNull();
		expect(key.message).toEqual({ kind: 'locked-idle' });
		expect(dropped).toHaveBeenCalledOnce();
		expect(IDLE_LOCK_MS).toBe(10 * 60_000);
	});
});
