/**
 * The trainer's results area, behind the PIN: nothing of the results is read from the
 * database until the PIN is given, and "Lock" drops them from memory again. Everything a
 * trainer does here (export, import, delete, change the PIN) goes through this one state,
 * which the page only draws. Each costly step leaves a `smc:` performance measure, which
 * the benchmark reads.
 */
import {
	buildExport,
	deleteResults,
	eraseAll,
	lastExport,
	markExported,
	mergeExports,
	readHoldings,
	type DeleteScope,
	type Holdings
} from './archive';
import { storageFailure, type StorageFailure } from './db';
import { download, exportFileName } from './download';
import { timeAt } from './ids';
import { checkExportFile, type Refusal } from './import-check';
import { noLockout, waitLeft } from './lockout';
import type { LockoutRecord } from './db';
import type { Conflict, Counts } from './merge';
import type { PinProblem } from './pin';
import { changePin, pinStatus, setFirstPin, tryPin } from './pin-store';
import { dashboard, type Filters, type QuizInfo } from './stats';
import {
	exportDue,
	oldestResult,
	requestPersistence,
	storageReport,
	type StorageReport
} from './storage';

export type Gate = 'checking' | 'unavailable' | 'new-pin' | 'locked' | 'open';

export type PinMessage =
	| { kind: 'wrong'; triesLeft: number }
	| { kind: 'mismatch' }
	| { kind: 'problem'; problem: PinProblem }
	| { kind: 'changed' };

export interface ImportSummary {
	files: number;
	added: Counts;
	present: Counts;
	conflicts: Conflict[];
	refused: { name: string; refusal: Refusal }[];
	/** Set when the merge itself failed (nothing was written). */
	failure?: StorageFailure;
}

export type CsvKind = 'attempts' | 'answers' | 'sessions';

/** The typed word that confirms deleting or erasing, in the interface's language. */
export function confirms(typed: string, word: string): boolean {
	return typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase();
}

export class ResultsArea {
	gate = $state<Gate>('checking');
	busy = $state(false);
	lockout = $state<LockoutRecord>(noLockout);
	pinMessage = $state<PinMessage | null>(null);
	/** Which form the message is about, so that only that form shows it. */
	pinContext = $state<'gate' | 'change' | 'delete'>('gate');
	/** The clock the lockout countdown is read against; ticks while locked out. */
	now = $state(Date.now());

	holdings = $state.raw<Holdings | undefined>();
	filters = $state<Filters>({});
	storage = $state<StorageReport | undefined>();
	lastExport = $state<string | null>(null);
	importSummary = $state<ImportSummary | undefined>();
	deleted = $state<{ attempts: number; sessions: number } | undefined>();
	failure = $state<StorageFailure | undefined>();

	readonly quizzes: readonly QuizInfo[];
	#ticker: ReturnType<typeof setInterval> | undefined;

	constructor(quizzes: readonly QuizInfo[]) {
		this.quizzes = quizzes;
	}

	/** Milliseconds until the PIN form opens again. */
	get wait(): number {
		return waitLeft(this.lockout, timeAt(this.now));
	}

	readonly report = $derived.by(() => {
		if (!this.holdings) return undefined;
		const started = performance.now();
		const { attempts, answers, sessions } = this.holdings;
		const result = dashboard(attempts, answers, sessions, this.quizzes, this.filters);
		performance.measure('smc:stats', { start: started });
		return result;
	});

	readonly exportReminder = $derived(
		this.holdings !== undefined &&
			exportDue(this.lastExport, oldestResult(this.holdings), timeAt(this.now))
	);

	async init(): Promise<void> {
		try {
			const status = await pinStatus();
			this.lockout = status.lockout;
			this.gate = status.set ? 'locked' : 'new-pin';
			this.#tick();
		} catch (error) {
			this.failure = storageFailure(error);
			this.gate = 'unavailable';
		}
	}

	dispose(): void {
		clearInterval(this.#ticker);
	}

	/** Keeps `now` moving while a lockout lasts, so the countdown and the form follow it. */
	#tick(): void {
		clearInterval(this.#ticker);
		this.now = Date.now();
		if (this.wait <= 0) return;
		this.#ticker = setInterval(() => {
			this.now = Date.now();
			if (this.wait <= 0) clearInterval(this.#ticker);
		}, 1000);
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

	async setPin(pin: string, again: string): Promise<void> {
		this.pinContext = 'gate';
		if (pin !== again) {
			this.pinMessage = { kind: 'mismatch' };
			return;
		}
		await this.#guarded(async () => {
			const result = await setFirstPin(pin);
			if (!result.ok && result.reason !== 'already-set') {
				this.pinMessage = { kind: 'problem', problem: result.reason };
				return;
			}
			this.pinMessage = null;
			if (result.ok) await this.#open();
			else this.gate = 'locked'; // set meanwhile in another tab: that PIN stands
		});
	}

	async unlock(pin: string): Promise<void> {
		if (this.wait > 0) return;
		this.pinContext = 'gate';
		await this.#guarded(async () => {
			const result = await tryPin(pin, timeAt());
			if (result.ok) {
				this.pinMessage = null;
				this.lockout = noLockout;
				await this.#open();
				return;
			}
			if (result.reason === 'unset') {
				this.gate = 'new-pin';
				return;
			}
			this.lockout = result.lockout;
			this.pinMessage =
				result.reason === 'wrong'
					? { kind: 'wrong', triesLeft: Math.max(0, 5 - result.lockout.failures) }
					: null;
			this.#tick();
		});
	}

	async #open(): Promise<void> {
		this.gate = 'open';
		await this.refresh();
		void this.#readStorage();
	}

	async #readStorage(): Promise<void> {
		const report = await storageReport();
		if (report.persisted === false && (await requestPersistence())) report.persisted = true;
		this.storage = report;
	}

	/** Reads everything again from the database (after a merge or a delete). */
	async refresh(): Promise<void> {
		await this.#guarded(async () => {
			const [holdings, exported] = await Promise.all([readHoldings(), lastExport()]);
			this.holdings = holdings;
			this.lastExport = exported;
			this.now = Date.now();
		});
	}

	/** Forgets the results and shows the PIN form again. */
	lock(): void {
		this.pinContext = 'gate';
		this.holdings = undefined;
		this.importSummary = undefined;
		this.deleted = undefined;
		this.filters = {};
		this.pinMessage = null;
		this.gate = 'locked';
	}

	async changePin(current: string, next: string, again: string): Promise<boolean> {
		this.pinContext = 'change';
		if (next !== again) {
			this.pinMessage = { kind: 'mismatch' };
			return false;
		}
		const result = await this.#guarded(() => changePin(current, next, timeAt()));
		if (!result) return false;
		if (result.ok) {
			this.pinMessage = { kind: 'changed' };
			return true;
		}
		if (result.reason === 'wrong' || result.reason === 'locked') {
			// A wrong current PIN counts like any other: past five, the area locks.
			this.lockout = result.lockout;
			if (waitLeft(result.lockout, timeAt()) > 0) this.lock();
			else
				this.pinMessage = {
					kind: 'wrong',
					triesLeft: Math.max(0, 5 - result.lockout.failures)
				};
			this.#tick();
		} else if (result.reason !== 'unset') {
			this.pinMessage = { kind: 'problem', problem: result.reason };
		}
		return false;
	}

	async #exported(): Promise<void> {
		this.lastExport = await markExported(timeAt()).catch(() => this.lastExport);
		this.now = Date.now();
	}

	/**
	 * Downloads the whole JSON export; true once the file is handed to the browser. Open
	 * without the PIN only while resetting a forgotten one.
	 */
	async exportJson(): Promise<boolean> {
		const saved = await this.#guarded(async () => {
			const holdings = this.holdings ?? (await readHoldings());
			const started = performance.now();
			const now = timeAt();
			const text = JSON.stringify(buildExport(holdings, now));
			performance.measure('smc:export-json', { start: started });
			download(exportFileName('results', holdings.deviceId, now, 'json'), text, 'application/json');
			await this.#exported();
			return true;
		});
		return saved === true;
	}

	async exportCsv(kind: CsvKind): Promise<void> {
		const holdings = this.holdings;
		if (!holdings) return;
		// papaparse loads when a trainer first exports CSV, not with the results page.
		const { answersCsv, attemptsCsv, sessionsCsv } = await import('./csv');
		const started = performance.now();
		const text =
			kind === 'attempts'
				? attemptsCsv(holdings.attempts)
				: kind === 'answers'
					? answersCsv(holdings.answers, holdings.attempts)
					: sessionsCsv(holdings.sessions);
		performance.measure('smc:export-csv', { start: started });
		download(
			exportFileName(kind, holdings.deviceId, timeAt(), 'csv'),
			text,
			'text/csv;charset=utf-8'
		);
		await this.#exported();
	}

	/** Checks every file, then merges those that pass in one transaction. */
	async importFiles(files: readonly File[]): Promise<void> {
		if (this.gate !== 'open' || files.length === 0) return;
		this.importSummary = undefined;
		await this.#guarded(async () => {
			const started = performance.now();
			const refused: ImportSummary['refused'] = [];
			const accepted = [];
			for (const file of files) {
				const check = await checkExportFile(file);
				if (check.ok) accepted.push({ name: file.name, data: check.data });
				else refused.push({ name: file.name, refusal: check.refusal });
			}
			performance.measure('smc:import-check', { start: started });
			const summary: ImportSummary = {
				files: files.length,
				added: { attempts: 0, answers: 0, sessions: 0 },
				present: { attempts: 0, answers: 0, sessions: 0 },
				conflicts: [],
				refused
			};
			if (accepted.length > 0) {
				try {
					const plan = await mergeExports(accepted);
					summary.added = {
						attempts: plan.add.attempts.length,
						answers: plan.add.answers.length,
						sessions: plan.add.sessions.length
					};
					summary.present = plan.present;
					summary.conflicts = plan.conflicts;
				} catch (error) {
					summary.failure = storageFailure(error);
				}
			}
			performance.measure('smc:merge', { start: started });
			this.importSummary = summary;
		});
		await this.refresh();
	}

	/** Deletes a class's results or all of them: the PIN again, and the typed word. */
	async deleteResults(scope: DeleteScope, pin: string): Promise<boolean> {
		this.pinContext = 'delete';
		const check = await this.#guarded(() => tryPin(pin, timeAt()));
		if (!check) return false;
		if (!check.ok) {
			if (check.reason !== 'unset') {
				this.lockout = check.lockout;
				if (waitLeft(check.lockout, timeAt()) > 0) this.lock();
				else
					this.pinMessage = { kind: 'wrong', triesLeft: Math.max(0, 5 - check.lockout.failures) };
				this.#tick();
			}
			return false;
		}
		this.pinMessage = null;
		const deleted = await this.#guarded(() => deleteResults(scope));
		if (!deleted) return false;
		this.deleted = deleted;
		await this.refresh();
		return true;
	}

	/** Forgotten PIN: everything is erased (after the export the page offers), then a new PIN. */
	async reset(): Promise<void> {
		await this.#guarded(async () => {
			await eraseAll();
			this.holdings = undefined;
			this.lockout = noLockout;
			this.lastExport = null;
			this.pinMessage = null;
			this.gate = 'new-pin';
		});
	}
}
