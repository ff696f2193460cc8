/**
 * The trainer's results area, on the trainer's own device. Nothing of the results can be
 * read until the key is unlocked (trainer-key.svelte.ts); then the sealed attempts are
 * opened into memory, and only there: statistics, exports, imports and deletes all go
 * through this one state, which the page only draws. Locking, by hand or after ten idle
 * minutes, drops the key and everything read with it. Each costly step leaves an `smc:`
 * performance measure, which the benchmark reads.
 */
import type { Attempt } from './attempt';
import {
	buildSealedExport,
	deleteRecords,
	lastExport,
	markExported,
	sealedByKey,
	writeMerge
} from './archive';
import { confusableLabels } from '$lib/quiz/class-label';
import { attemptsCsv, answersCsv, sessionsCsv } from './csv';
import {
	resultsDb,
	storageFailure,
	type SealedAttemptRecord,
	type SessionRecord,
	type StorageFailure
} from './db';
import { download, exportFileName } from './download';
import { timeAt } from './ids';
import { checkFiles } from './import-client';
import { checkImportTotals, checkSelection, checkSessionsPart, type Refusal } from './import-check';
import { sealingKeyOf } from './keys';
import { planMerge, type Conflict, type Counts, type IncomingFile } from './merge';
import { openMany } from './opening';
import { Recorder } from './recorder';
import { openSessions, sealPart, type SealingKey } from './seal';
import { dashboard, prepareStats, type Filters, type QuizInfo } from './stats';
import {
	exportDue,
	oldestResult,
	requestPersistence,
	storageReport,
	type StorageReport
} from './storage';
import { TrainerKey } from './trainer-key.svelte';
import { quizCatalogue, validateAttempts, type AttemptProblem } from './validate';

/** Why a file of an import was refused: a check of its form, or of what it holds. */
export type FileRefusal =
	| { kind: 'file'; refusal: Refusal }
	| { kind: 'undecryptable'; count: number }
	| { kind: 'attempt'; problem: AttemptProblem; index: number };

export interface ImportSummary {
	files: number;
	added: Counts;
	present: Counts;
	conflicts: Conflict[];
	refused: { name: string; why: FileRefusal }[];
	/** Set when the whole pick was refused before any file was read. */
	selection?: Refusal;
	/** Set when the merge itself failed (nothing was written). */
	failure?: StorageFailure;
}

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
		confusableLabels([
			...new Set([
				...this.attempts.map((attempt) => attempt.classLabel),
				...this.sessions.map((session) => session.classLabel)
			])
		])
	);

	readonly classLabels = $derived(
		[...new Set(this.attempts.map((attempt) => attempt.classLabel))].sort((a, b) =>
			a.localeCompare(b)
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
			const opened = await openMany(unlocked.recipient, byKey.get(key.keyId) ?? []);
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
	 * that pass in one transaction. A file is taken whole or not at all.
	 */
	async importFiles(files: readonly File[]): Promise<void> {
		const unlocked = this.key.unlocked;
		const key = this.#sealingKey();
		if (!unlocked || !key || files.length === 0 || this.importing !== null) return;
		this.importSummary = undefined;
		const summary: ImportSummary = {
			files: files.length,
			added: { attempts: 0, sessions: 0 },
			present: { attempts: 0, sessions: 0 },
			conflicts: [],
			refused: []
		};
		const selection = checkSelection(files.map(({ name, size }) => ({ name, size })));
		if (selection) {
			this.importSummary = { ...summary, selection };
			return;
		}
		this.importing = files.length;
		await this.#guarded(async () => {
			const started = performance.now();
			const verdicts = await checkFiles(files, { keyId: key.keyId });
			performance.measure('smc:import-check', { start: started });
			const totals = checkImportTotals(verdicts.flatMap((verdict) => (verdict.ok ? [verdict.file] : [])));
			if (totals) {
				summary.selection = totals;
				return;
			}
			const catalogue = quizCatalogue(this.quizzes);
			const now = timeAt();
			const incoming: IncomingFile<SealedAttemptRecord>[] = [];
			for (const [index, verdict] of verdicts.entries()) {
				const name = files[index]!.name;
				if (!verdict.ok) {
					summary.refused.push({ name, why: { kind: 'file', refusal: verdict.refusal } });
					continue;
				}
				const file = verdict.file;
				let attempts: Attempt[];
				let sealed: SealedAttemptRecord[];
				let sessions: SessionRecord[];
				if (file.version === 2) {
					const opened = await openMany(unlocked.recipient, file.attempts);
					if (opened.unreadable.length > 0) {
						summary.refused.push({
							name,
							why: { kind: 'undecryptable', count: opened.unreadable.length }
						});
						continue;
					}
					attempts = opened.attempts;
					const byUuid = new Map(file.attempts.map((record) => [record.uuid, record]));
					sealed = attempts.map(({ uuid }) => ({
						uuid,
						keyId: key.keyId,
						parts: byUuid.get(uuid)!.parts
					}));
					if (file.sessions) {
						const values = await openSessions(unlocked.recipient, file.device, file.sessions);
						const checked = values === undefined ? undefined : checkSessionsPart({ v: 1, sessions: values });
						if (!checked?.ok) {
							summary.refused.push({
								name,
								why: checked
									? { kind: 'file', refusal: checked.refusal }
									: { kind: 'undecryptable', count: 1 }
							});
							continue;
						}
						sessions = checked.sessions;
					} else sessions = [];
				} else {
					attempts = file.attempts;
					sessions = file.sessions;
					sealed = [];
				}
				const valid = validateAttempts(attempts, catalogue, { exportedAt: file.exportedAt, now });
				if (!valid.ok) {
					summary.refused.push({
						name,
						why: { kind: 'attempt', problem: valid.problem, index: valid.index }
					});
					continue;
				}
				if (file.version === 1) {
					// A version 1 file came in clear: it is kept here sealed, like everything else.
					sealed = await Promise.all(valid.attempts.map((attempt) => sealWhole(key, attempt)));
				}
				const records = new Map(sealed.map((record) => [record.uuid, record]));
				incoming.push({
					name,
					attempts: valid.attempts.map((attempt) => ({
						attempt,
						sealed: records.get(attempt.uuid)!
					})),
					sessions
				});
			}
			if (incoming.length === 0) return;
			const plan = planMerge(incoming, {
				attempts: new Map(this.attempts.map((attempt) => [attempt.uuid, attempt])),
				sessions: new Map(this.sessions.map((session) => [session.uuid, session]))
			});
			try {
				const writing = performance.now();
				await writeMerge(
					plan.add.attempts.map((incomingAttempt) => incomingAttempt.sealed),
					plan.add.sessions
				);
				performance.measure('smc:merge-write', { start: writing });
			} catch (error) {
				summary.failure = storageFailure(error);
				return;
			}
			if (this.key.unlocked === unlocked) {
				this.attempts = [...this.attempts, ...plan.add.attempts.map((added) => added.attempt)];
				this.sessions = [...this.sessions, ...plan.add.sessions];
			}
			summary.added = {
				attempts: plan.add.attempts.length,
				sessions: plan.add.sessions.length
			};
			summary.present = plan.present;
			summary.conflicts = plan.conflicts;
			performance.measure('smc:merge', { start: started });
		});
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
		const done = await this.#guarded(() =>
			deleteRecords(
				attempts.map((attempt) => attempt.uuid),
				sessions.map((session) => session.uuid)
			)
		);
		if (done === undefined) return false;
		const gone = new Set(attempts);
		const goneSessions = new Set(sessions);
		this.attempts = this.attempts.filter((attempt) => !gone.has(attempt));
		this.sessions = this.sessions.filter((session) => !goneSessions.has(session));
		this.deleted = { attempts: attempts.length, sessions: sessions.length };
		return true;
	}
}

/** A whole attempt (from a version 1 file) sealed as one part, to be kept like any other. */
async function sealWhole(key: SealingKey, attempt: Attempt): Promise<SealedAttemptRecord> {
	const { score: _, answers, finishedAt, status, ...header } = attempt;
	const part = await sealPart(key, attempt.uuid, {
		v: 1,
		header,
		answers,
		end: finishedAt ? { finishedAt, status } : null
	});
	return { uuid: attempt.uuid, keyId: key.keyId, parts: [part] };
}
