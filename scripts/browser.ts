/**
 * Which Chromium the browser tests and the benchmark drive: `CHROMIUM_PATH` if set,
 * else the system's Chromium (Debian's package), else Playwright's own download.
 */
import { existsSync } from 'node:fs';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
	const wanted = process.env.CHROMIUM_PATH;
	if (wanted) return wanted;
	return systemChromium.find((path) => existsSync(path));
}

/** Flags for a quiet, headless Chromium that makes no calls of its own to the network. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
