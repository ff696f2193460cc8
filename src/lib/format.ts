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
