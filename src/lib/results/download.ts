/**
 * Saving a file from the page: a Blob and an object URL, so it works offline and sends
 * nothing anywhere. File names carry the date and the device, so exports from many tablets
 * can sit in one folder.
 */

export function download(name: string, content: string | Blob, type: string): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has taken the file once the click is handled; a moment later the URL can go.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `smc-results-2025-03-04-5f0c7a5e.json`: what, the day, the first part of the device id. */
export function exportFileName(
	kind: string,
	deviceId: string,
	now: Date,
	extension: string
): string {
	return `smc-${kind}-${now.toISOString().slice(0, 10)}-${deviceId.slice(0, 8)}.${extension}`;
}
