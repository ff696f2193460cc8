/**
 * Before the browser tests: use the system's Chromium when there is one; otherwise make
 * sure Playwright's own Chromium is downloaded (on a developer laptop, the first time).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser';

const system = chromiumPath();
if (system) {
	console.log(`Browser tests use ${system}`);
} else if (existsSync(chromium.executablePath())) {
	console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
} else {
	console.log("No Chromium found: downloading Playwright's (one time)…");
	execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
