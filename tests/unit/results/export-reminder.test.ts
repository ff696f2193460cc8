import { describe, expect, it } from 'vitest';
import { exportDue, oldestResult } from '$lib/results/storage';

const day = 24 * 60 * 60_000;
const now = new Date('2025-06-15T08:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * day).toISOString();

describe('the reminder to export', () => {
	it('stays quiet on a device that holds no results', () => {
		expect(exportDue(null, null, now)).toBe(false);
		expect(exportDue(daysAgo(90), null, now)).toBe(false);
	});

	it('waits 14 days after the oldest result when nothing was ever exported', () => {
		expect(exportDue(null, daysAgo(13.9), now)).toBe(false);
		expect(exportDue(null, daysAgo(14), now)).toBe(true);
	});

	it('counts from the last export once there has been one', () => {
		expect(exportDue(daysAgo(3), daysAgo(60), now)).toBe(false);
		expect(exportDue(daysAgo(14), daysAgo(60), now)).toBe(true);
	});
});

describe('the oldest result', () => {
	it('is the earliest attempt start or session logging', () => {
		const holdings = {
			attempts: [{ startedAt: daysAgo(2) }, { startedAt: daysAgo(9) }],
			sessions: [{ recordedAt: daysAgo(5) }, { recordedAt: daysAgo(11) }]
		};
		expect(oldestResult(holdings)).toBe(daysAgo(11));
		expect(oldestResult({ ...holdings, sessions: [] })).toBe(daysAgo(9));
		expect(oldestResult({ attempts: [], sessions: [] })).toBeNull();
	});
});
