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
