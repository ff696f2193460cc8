import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, toKhmerDigits } from '$lib/format';

// Local time, as the tablet shows it: the same wherever the tests run.
const early = new Date(2026, 0, 5, 4, 14);
const late = new Date(2026, 11, 31, 16, 5);

describe('times and dates', () => {
	it('write Khmer times on the 24-hour clock in Khmer digits, never AM or PM', () => {
		expect(formatTime(early, 'km')).toBe('០៤:១៤');
		expect(formatTime(late, 'km')).toBe('១៦:០៥');
		for (const text of [formatTime(late, 'km'), formatDateTime(late, 'km')]) {
			expect(text).not.toMatch(/[A-Za-z0-9]/);
		}
	});

	it('write Khmer dates with the Khmer month name and Khmer digits', () => {
		expect(formatDate(early, 'km')).toBe('៥ មករា ២០២៦');
		expect(formatDate(late, 'km')).toBe('៣១ ធ្នូ ២០២៦');
		expect(formatDateTime(late, 'km')).toBe('៣១ ធ្នូ ២០២៦ ម៉ោង ១៦:០៥');
	});

	it('write English times and dates as English readers expect', () => {
		expect(formatTime(early, 'en')).toMatch(/^4:14\s?AM$/);
		expect(formatTime(late, 'en')).toMatch(/^4:05\s?PM$/);
		expect(formatDate(early, 'en')).toBe('Jan 5, 2026');
		expect(formatDateTime(late, 'en')).toMatch(/^Dec 31, 2026, 4:05\s?PM$/);
	});

	it('turn only Latin digits into Khmer ones', () => {
		expect(toKhmerDigits('K-07-5+')).toBe('K-០៧-៥+');
		expect(toKhmerDigits('០១ ok')).toBe('០១ ok');
	});
});
