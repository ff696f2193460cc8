import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFit } from '$lib/cards/fit';

/** A card side's box as the browser would give it: sizes read, in the order read. */
function box(name: string, over: number, events: string[]) {
	const read = (value: number) => {
		events.push(`read ${name}`);
		return value;
	};
	return {
		children: [],
		isConnected: true,
		get scrollHeight() {
			return read(100 + over);
		},
		get clientHeight() {
			return read(100);
		},
		get scrollWidth() {
			return read(50);
		},
		get clientWidth() {
			return read(50);
		}
	} as unknown as HTMLElement;
}

describe('fitting card sides', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('measures every side drawn together in one pass, reading all before telling any', async () => {
		vi.stubGlobal(
			'ResizeObserver',
			class {
				observe() {}
				disconnect() {}
			}
		);
		vi.stubGlobal(
			'MutationObserver',
			class {
				observe() {}
				disconnect() {}
			}
		);
		vi.stubGlobal('document', { fonts: { ready: new Promise(() => {}) } });
		const events: string[] = [];
		const sides = ['front', 'back', 'help'].map((name, index) => {
			const side = box(name, index === 1 ? 30 : 0, events);
			return watchFit((overflow) => events.push(`${name} ${overflow}`))(side);
		});
		// Nothing is read while the sides are being drawn.
		expect(events).toEqual([]);
		await Promise.resolve();
		const firstReport = events.findIndex((event) => !event.startsWith('read'));
		expect(events.slice(firstReport)).toEqual(['front 0', 'back 30', 'help 0']);
		expect(events.slice(0, firstReport).every((event) => event.startsWith('read'))).toBe(true);
		for (const stop of sides) if (typeof stop === 'function') stop();
	});
});
