/**
 * The trainer's results area, on the trainer's own device. Nothing of the results can be
 * read until the key is unlocked (trainer-key.svelte.ts); then the sealed attempts are
 * opened into memory, and only there: statistics, exports, imports and deletes all go
 * through this one state, which the page only draws. Locking, by hand or after ten idle
 * minutes, drops the key and everything read with it. Each costly step leaves an `smc:`
 * performance measure, which the benchmark reads.
 */
import type { Attempt } from './attempt';
import { buildSealedExport, deleteRecords, lastExport, markExported, sealedByKey } from './archive';
import { confusableLabels } from '$lib/quiz/class-label';
import { resultsDb, storageFailure, type SessionRecord, type StorageFailure } from './db';
import { download, exportFileName } from './download';
import { timeAt } from './ids';
import { distinct, importFiles, without, type ImportSummary } from './importing';
import { sealingKeyOf } from './keys';
import { openMany } from './opening';
import { Recorder } from './recorder';
import type { SealingKey } from './seal';
import { dashboard, prepareStats, type Filters, type QuizInfo } from './stats';
import {
	exportDue,
	oldestResult,
	requestPersistence,
	storageReport,
	type StorageReport
} from './storage';
import { TrainerKey } from './trainer-key.svelte';

export type { FileRefusal, ImportSummary } from './importing';

export type CsvKind = 'attempts' | 'answers' | 'sessions';
export type DeleteScope = { classLabel: string } | 'all';

/** The typed word that confirms deleting, in the interface's language. */
export function confirms(typed: string, word: string): boolean {
	return typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase();
}

/** The trainer's time zone, minutes east of UTC: days in the figures are the trainer's days. */
const offsetMinutes = () => -new Date().getTimezoneOffset();

export class TrainerArea {
	readonly key: TrainerKey;
	readonly quizzes: readonly QuizInfo[];
	#loading = false;
	busy = $state(false);
	failure = $state<StorageFailure | undefined>();
	/** Opened from their seals, in memory only while unlocked. */
	attempts = $state.raw<Attempt[]>([]);
	sessions = $state.raw<SessionRecord[]>([]);
	/** Attempts held here sealed to the key, that did not open (damaged on the way). */
	unreadable = $state(0);
	/** Attempts held here sealed to other keys (this device used as a station before). */
	otherKeys = $state.raw<[string, number][]>([]);
	loaded = $state(false);
	filters = $state<Filters>({});
	storage = $state<StorageReport | undefined>();
	lastExport = $state<string | null>(null);
	importing = $state<number | null>(null);
	importSummary = $state<ImportSummary | undefined>();
	deleted = $state<{ attempts: number; sessions: number } | undefined>();

	constructor(quizzes: readonly QuizInfo[], iterations?: number) {
		this.quizzes = quizzes;
		this.key = new TrainerKey(() => this.#forget(), iterations);
	}

	readonly base = $derived.by(() => {
		const started = performance.now();
		const base = prepareStats(this.attempts, this.quizzes, { offsetMinutes: offsetMinutes() });
		performance.measure('smc:prepare-stats', { start: started });
		return base;
	});

	readonly report = $derived.by(() => {
		if (!this.loaded) return undefined;
		const started = performance.now();
		const result = dashboard(this.base, this.sessions, this.filters);
		performance.measure('smc:stats', { start: started });
		return result;
	});

	/** Class labels that look alike (a Cyrillic "а", a stray space): the trainer should know. */
	readonly lookalikes = $derived(
		confusableLabels(
			distinct([
				...this.attempts.map((attempt) => attempt.classLabel),
				...this.sessions.map((session) => session.classLabel)
			])
		)
	);

	readonly exportReminder = $derived(
		this.loaded &&
			exportDue(
				this.lastExport,
				oldestResult({ attempts: this.attempts, sessions: this.sessions }),
				timeAt()
			)
	);

	async init(): Promise<void> {
		await this.key.init();
	}

	dispose(): void {
		this.key.dispose();
	}

	async #guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
		this.busy = true;
		this.failure = undefined;
		try {
			return await work();
		} catch (error) {
			this.failure = storageFailure(error);
			return undefined;
		} finally {
			this.busy = false;
		}
	}

	#sealingKey(): SealingKey | undefined {
		const record = this.key.record;
		return record && sealingKeyOf({ station: undefined, trainer: record });
	}

	/** After unlocking: every attempt held here sealed to the key, opened into memory. */
	async load(): Promise<void> {
		const unlocked = this.key.unlocked;
		const key = this.#sealingKey();
		if (!unlocked || !key || this.#loading) return;
		this.#loading = true;
		await this.#guarded(async () => {
			const started = performance.now();
			// Results an earlier version kept here in clear are sealed to the key first.
			await new Recorder().sealLegacy(key);
			const db = resultsDb();
			const [byKey, sessions, exported] = await Promise.all([
				sealedByKey(db),
				db.sessions.toArray(),
				lastExport(db)
			]);
			const opened = await openMany(unlocked, byKey.get(key.keyId) ?? []);
			if (this.key.unlocked !== unlocked) return; // locked meanwhile
			this.attempts = opened.attempts;
			this.unreadable = opened.unreadable.length;
			this.otherKeys = [...byKey]
				.filter(([keyId]) => keyId !== key.keyId)
				.map(([keyId, records]) => [keyId, records.length]);
			this.sessions = sessions;
			this.lastExport = exported;
			this.loaded = true;
			performance.measure('smc:open-all', { start: started });
		});
		this.#loading = false;
		void this.#readStorage();
	}

	async #readStorage(): Promise<void> {
		const report = await storageReport();
		if (report.persisted === false && (await requestPersistence())) report.persisted = true;
		this.storage = report;
	}

	#forget(): void {
		this.attempts = [];
		this.sessions = [];
		this.unreadable = 0;
		this.otherKeys = [];
		this.loaded = false;
		this.filters = {};
		this.importSummary = undefined;
		this.deleted = undefined;
	}

	/**
	 * Checks every file (off the page), opens and checks what each holds, then merges those
	 * that pass in one transaction (importing.ts). A file is taken whole or not at all.
	 */
	async importFiles(files: readonly File[]): Promise<void> {
		const unlocked = this.key.unlocked;
		const key = this.#sealingKey();
		if (!unlocked || !key || files.length === 0 || this.importing !== null) return;
		this.importSummary = undefined;
		this.importing = files.length;
		const summary = await this.#guarded(() =>
			importFiles(files, {
				key,
				unlocked,
				quizzes: this.quizzes,
				holding: { attempts: this.attempts, sessions: this.sessions }
			})
		);
		if (summary && this.key.unlocked === unlocked) {
			this.attempts = [...this.attempts, ...summary.newAttempts];
			this.sessions = [...this.sessions, ...summary.newSessions];
		}
		this.importing = null;
		this.importSummary = summary;
	}

	async #exported(): Promise<void> {
		this.lastExport = await markExported(timeAt()).catch(() => this.lastExport);
	}

	/** The sealed JSON of everything held here: re-importable on any device with this key. */
	async exportJson(): Promise<void> {
		const key = this.#sealingKey();
		if (!key || !this.key.unlocked) return;
		await this.#guarded(async () => {
			const started = performance.now();
			const file = await buildSealedExport(key, timeAt());
			const text = JSON.stringify(file);
			performance.measure('smc:export-json', { start: started });
			download(exportFileName('results', file.device, timeAt(), 'json'), text, 'application/json');
			await this.#exported();
		});
	}

	/** CSV for other tools: days, not times; no per-answer times; no pairing codes. */
	async exportCsv(kind: CsvKind): Promise<void> {
		if (!this.key.unlocked) return;
		// The CSV code (and papaparse) loads on the first export, not with the results area.
		const { attemptsCsv, answersCsv, sessionsCsv } = await import('./csv');
		const started = performance.now();
		const options = { offsetMinutes: offsetMinutes() };
		const text =
			kind === 'attempts'
				? attemptsCsv(this.attempts, options)
				: kind === 'answers'
					? answersCsv(this.attempts)
					: sessionsCsv(this.sessions, options);
		performance.measure('smc:export-csv', { start: started });
		const device = await new Recorder().deviceId().catch(() => 'device');
		download(exportFileName(kind, device, timeAt(), 'csv'), text, 'text/csv;charset=utf-8');
		await this.#exported();
	}

	/** The spreadsheet: typed cells (text as text, days as dates), Khmer intact. */
	async exportXlsx(): Promise<void> {
		const report = this.report;
		if (!this.key.unlocked || !report) return;
		await this.#guarded(async () => {
			const started = performance.now();
			const { xlsxBlob } = await import('./xlsx');
			const blob = await xlsxBlob({
				attempts: this.attempts,
				sessions: this.sessions,
				dashboard: report,
				offsetMinutes: offsetMinutes()
			});
			performance.measure('smc:export-xlsx', { start: started });
			const device = await new Recorder().deviceId().catch(() => 'device');
			download(
				exportFileName('results', device, timeAt(), 'xlsx'),
				blob,
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			);
			await this.#exported();
		});
	}

	/** Deletes a class's results and logged sessions, or everything: the passphrase again. */
	async deleteResults(scope: DeleteScope, passphrase: string): Promise<boolean> {
		if (!(await this.key.confirm(passphrase))) return false;
		const attempts =
			scope === 'all'
				? this.attempts
				: this.attempts.filter((attempt) => attempt.classLabel === scope.classLabel);
		const sessions =
			scope === 'all'
				? this.sessions
				: this.sessions.filter((session) => session.classLabel === scope.classLabel);
		const done = await this.#guarded(async () => {
			await deleteRecords(
				attempts.map((attempt) => attempt.uuid),
				sessions.map((session) => session.uuid)
			);
			return true;
		});
		if (!done) return false;
		this.attempts = without(this.attempts, attempts);
		this.sessions = without(this.sessions, sessions);
		this.deleted = { attempts: attempts.length, sessions: sessions.length };
		return true;
	}
}
