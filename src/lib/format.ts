/** Bytes as people read them: "1.2 MB". */
export function formatBytes(bytes: number, locale: string): string {
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** A figure to one decimal at most: "2.4", "60". */
export function formatNumber(value: number, locale: string, digits = 1): string {
	return value.toLocaleString(locale, { maximumFractionDigits: digits });
}

/** A percentage given as 0–100: "62.5%". */
export function formatPercent(value: number, locale: string): string {
	return `${formatNumber(value, locale)}%`;
}

/** Latin digits written as Khmer ones: "12" → "១២". Other characters are left as they are. */
export function toKhmerDigits(text: string): string {
	return text.replace(/[0-9]/g, (digit) => String.fromCodePoint(0x17e0 + Number(digit)));
}

// Khmer dates and times are built here rather than by Intl: not every browser has Khmer
// calendar data, and where it has, it writes "4:14 AM" in Latin letters.
const khmerMonths = [
	'មករា',
	'កុម្ភៈ',
	'មីនា',
	'មេសា',
	'ឧសភា',
	'មិថុនា',
	'កក្កដា',
	'សីហា',
	'កញ្ញា',
	'តុលា',
	'វិច្ឆិកា',
	'ធ្នូ'
];

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A time of day in local time: "4:14 AM"; in Khmer on the 24-hour clock, "០៤:១៤". */
export function formatTime(date: Date, locale: string): string {
	if (locale === 'km') {
		return toKhmerDigits(`${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`);
	}
	return date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** A day: "Jan 5, 2026"; in Khmer, "៥ មករា ២០២៦". */
export function formatDate(date: Date, locale: string): string {
	if (locale === 'km') {
		const month = khmerMonths[date.getMonth()]!;
		return `${toKhmerDigits(String(date.getDate()))} ${month} ${toKhmerDigits(String(date.getFullYear()))}`;
	}
	return date.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** A day and a time: "Jan 5, 2026, 4:14 AM"; in Khmer, "៥ មករា ២០២៦ ម៉ោង ០៤:១៤". */
export function formatDateTime(date: Date, locale: string): string {
	if (locale === 'km') return `${formatDate(date, locale)} ម៉ោង ${formatTime(date, locale)}`;
	return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
