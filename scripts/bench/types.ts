import type { Browser } from '@playwright/test';

export interface BenchContext {
	browser: Browser;
	/** Address of the built app, served by scripts/serve.ts. */
	url: string;
	/** Folder of the built app. */
	dir: string;
}

/** One section of `npm run bench`: it measures, then returns Markdown for the README. */
export interface BenchSection {
	title: string;
	run(context: BenchContext): Promise<string>;
}
