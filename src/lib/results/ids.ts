/**
 * Random ids and coarse times for results. Ids come from `crypto.getRandomValues`, which
 * every browser has, rather than `crypto.randomUUID`, which browsers withhold from pages
 * served over plain http (a laptop sharing the app on the classroom Wi-Fi).
 */

/** A version 4 UUID (RFC 9562), lower-case. */
export function randomUuid(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The time as ISO 8601, seconds dropped: results never say more than the minute. */
export function toMinute(date: Date): string {
	const minute = new Date(date.getTime());
	minute.setUTCSeconds(0, 0);
	return minute.toISOString();
}

/** The time now, or at `ms`, as a Date (state classes keep times as numbers, not Dates). */
export function timeAt(ms = Date.now()): Date {
	return new Date(ms);
}
