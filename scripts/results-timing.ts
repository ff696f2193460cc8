/**
 * Times the trainer's pure import pipeline in Node on a district's load: 20 device files,
 * 5,000 attempts, 100,000 answers. Sealed (version 2) files: check the files, check and join
 * the decrypted parts (decryption itself is left out: parts are given as their plaintext),
 * validate, plan the merge; then the statistics and the exports. Plaintext (version 1)
 * files: check, validate, plan. Made-up data, seeded; run with `npx tsx scripts/results-timing.ts`.
 */
import { attemptFromParts, type Attempt, type AttemptPart } from '../src/lib/results/attempt';
import { attemptsCsv, answersCsv } from '../src/lib/results/csv';
import { EXPORT_FORMAT, EXPORT_VERSION, LEGACY_VERSION } from '../src/lib/results/export-format';
import { checkExportText, type PlainFile, type SealedFile } from '../src/lib/results/import-check';
import { planMerge, type IncomingFile } from '../src/lib/results/merge';
import type { QuizInfo } from '../src/lib/results/quiz-info';
import { dashboard, prepareStats } from '../src/lib/results/stats';
import { quizCatalogue, validateAttempts } from '../src/lib/results/validate';
import { workbookSheets } from '../src/lib/results/xlsx';

const DEVICES = 20;
const PER_DEVICE = 250;
const QUESTIONS = 20;
const KEY_ID = 'K7QX-2MPA-9ZT4';
const EXPORTED_AT = '2025-06-01T09:00:00.000Z';

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const hex = (length: number) =>
	Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () =>
	`${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
const base64url = (bytes: number) => {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	let text = '';
	for (let index = 0; index < Math.ceil((bytes * 4) / 3); index++) {
		text += alphabet[Math.floor(random() * 64)];
	}
	return text;
};

function quiz(id: string, purpose: 'pre' | 'post', pair: string): QuizInfo {
	return {
		id,
		title: id,
		locale: 'en',
		purpose,
		pair,
		versions: [purpose === 'pre' ? '7c41e09ab2d3' : 'e2b0946c51fa'],
		questions: Array.from({ length: QUESTIONS }, (_, index) => ({
			id: `question-${index + 1}`,
			text: `Question ${index + 1}`,
			checks: `message-${index % 6}`,
			type: 'single' as const,
			options: 4,
			correct: ['b']
		})),
		messages: Array.from({ length: 6 }, (_, index) => ({ id: `message-${index}`, text: '' }))
	};
}

const quizzes = [
	quiz('before-the-sessions', 'pre', 'after-the-sessions'),
	quiz('after-the-sessions', 'post', 'before-the-sessions')
];

function makeAttempt(device: string, index: number): Attempt {
	const pre = index % 2 === 0;
	const info = quizzes[pre ? 0 : 1]!;
	const classLabel = `Grade ${7 + (index % 3)}${'ABCD'[Math.floor(index / 60) % 4]}`;
	const day = pre ? 3 + (index % 5) : 20 + (index % 5);
	const startedAt = `2025-03-${String(day).padStart(2, '0')}T01:${String(10 + (index % 40)).padStart(2, '0')}:00.000Z`;
	const answers = info.questions.map((question) => {
		const right = random() < (pre ? 0.5 : 0.7);
		return {
			questionId: question.id,
			given: [right ? 'b' : 'a'],
			correct: right,
			ms: 2000 + Math.floor(random() * 9000)
		};
	});
	return {
		uuid: uuid(),
		deviceId: device,
		quizId: info.id,
		quizVersion: info.versions[0]!,
		purpose: info.purpose,
		classLabel,
		locale: 'en',
		startedAt,
		finishedAt: startedAt.replace('T01:', 'T02:'),
		status: 'finished',
		score: answers.filter((answer) => answer.correct).length,
		maxScore: QUESTIONS,
		seed: Math.floor(random() * 2 ** 32),
		pairingCode:
			random() < 0.6
				? `${'ABCDEFGHKLMNPRST'[Math.floor(index / 2) % 16]}-${String(1 + (Math.floor(index / 32) % 12)).padStart(2, '0')}-${Math.floor(index / 384) % 5}`
				: null,
		source: 'tablet',
		answers
	};
}

const devices = Array.from({ length: DEVICES }, () => uuid());
const byDevice = devices.map((device) =>
	Array.from({ length: PER_DEVICE }, (_, index) => makeAttempt(device, index))
);

/** What each sealed attempt decrypts to, as text: the decryption's output. */
const plaintexts = new Map<string, string>();
const sealedTexts = byDevice.map((attempts, index) => {
	for (const attempt of attempts) {
		const { score: _, answers, finishedAt, status, ...header } = attempt;
		const end = finishedAt ? { finishedAt, status } : null;
		const part: AttemptPart = { v: 1, header, answers, end };
		plaintexts.set(attempt.uuid, JSON.stringify(part));
	}
	return JSON.stringify({
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		device: devices[index],
		exportedAt: EXPORTED_AT,
		keyId: KEY_ID,
		attempts: attempts.map((attempt) => ({
			uuid: attempt.uuid,
			parts: [{ enc: base64url(32), ct: base64url(plaintexts.get(attempt.uuid)!.length + 16) }]
		})),
		sessions: null
	});
});
const plainTexts = byDevice.map((attempts, index) =>
	JSON.stringify({
		format: EXPORT_FORMAT,
		version: LEGACY_VERSION,
		device: devices[index],
		exportedAt: EXPORTED_AT,
		attempts: attempts.map(({ answers: _, source: __, ...record }) => record),
		answers: attempts.flatMap((attempt) =>
			attempt.answers.map((answer) => ({ attemptUuid: attempt.uuid, ...answer }))
		),
		sessions: []
	})
);

/**
 * CPU time beside wall time: on a shared machine the wall clock counts others' work too
 * (CPU time counts the garbage collector's helper threads, so it can be the larger).
 */
const cpu = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

function time<T>(label: string, run: () => T): T {
	const [startCpu, startWall] = [cpu(), performance.now()];
	const result = run();
	const [spent, waited] = [cpu() - startCpu, performance.now() - startWall];
	console.log(
		`${label.padEnd(50)} ${spent.toFixed(0).padStart(5)} ms CPU ${waited.toFixed(0).padStart(5)} ms wall`
	);
	return result;
}

const catalogue = quizCatalogue(quizzes);
const context = { exportedAt: EXPORTED_AT, now: new Date('2025-06-02T00:00:00Z') };
const mb = (texts: string[]) =>
	(texts.reduce((sum, text) => sum + text.length, 0) / 1e6).toFixed(1);

function sealedPipeline(): string {
	const [startCpu, startWall] = [cpu(), performance.now()];
	const checked = time(`sealed: check ${DEVICES} files (${mb(sealedTexts)} MB)`, () =>
		sealedTexts.map((text) => {
			const result = checkExportText(text, { keyId: KEY_ID });
			if (!result.ok) throw new Error(JSON.stringify(result.refusal));
			return result.file as SealedFile;
		})
	);
	// What decryption gives: each part's plaintext, parsed (the decryption itself is not timed).
	const decrypted = time('sealed: JSON.parse of the decrypted parts', () =>
		checked.map((file) =>
			file.attempts.map((record) =>
				record.parts.map(() => JSON.parse(plaintexts.get(record.uuid)!) as unknown)
			)
		)
	);
	const opened = time('sealed: check and join the parts', () =>
		checked.map((file, index) =>
			file.attempts.map((record, at) => {
				const joined = attemptFromParts(record.uuid, decrypted[index]![at]!);
				if (!joined.ok) throw new Error(joined.problem);
				return { attempt: joined.attempt, sealed: record };
			})
		)
	);
	const valid = time('sealed: validate 5,000 attempts', () =>
		opened.map((file) => {
			const result = validateAttempts(
				file.map((one) => one.attempt),
				catalogue,
				context
			);
			if (!result.ok) throw new Error(JSON.stringify(result.problem));
			return file.map((one, index) => ({ ...one, attempt: result.attempts[index]! }));
		})
	);
	const files: IncomingFile[] = valid.map((attempts, index) => ({
		name: `${index}.json`,
		attempts,
		sessions: []
	}));
	const half = new Map(
		valid
			.slice(0, 10)
			.flat()
			.map(({ attempt }) => [attempt.uuid, attempt])
	);
	time('sealed: plan the merge (half of it held already)', () =>
		planMerge(files, { attempts: half, sessions: new Map() })
	);
	return `${(cpu() - startCpu).toFixed(0)} ms CPU, ${(performance.now() - startWall).toFixed(0)} ms wall`;
}

function plainPipeline(): string {
	const [startCpu, startWall] = [cpu(), performance.now()];
	const checked = time(`plaintext: check ${DEVICES} files (${mb(plainTexts)} MB)`, () =>
		plainTexts.map((text) => {
			const result = checkExportText(text);
			if (!result.ok) throw new Error(JSON.stringify(result.refusal));
			return result.file as PlainFile;
		})
	);
	const valid = time('plaintext: validate 5,000 attempts', () =>
		checked.map((file) => {
			const result = validateAttempts(file.attempts, catalogue, context);
			if (!result.ok) throw new Error(JSON.stringify(result.problem));
			return result.attempts;
		})
	);
	time('plaintext: plan the merge (nothing held)', () =>
		planMerge(
			valid.map((attempts, index) => ({
				name: `${index}.json`,
				attempts: attempts.map((attempt) => ({ attempt, sealed: null })),
				sessions: []
			})),
			{ attempts: new Map(), sessions: new Map() }
		)
	);
	return `${(cpu() - startCpu).toFixed(0)} ms CPU, ${(performance.now() - startWall).toFixed(0)} ms wall`;
}

for (const round of [1, 2, 3]) {
	console.log(`— round ${round}`);
	console.log(`sealed, all of the above:               ${sealedPipeline()}`);
	console.log(`plaintext, all of the above:            ${plainPipeline()}`);
	const all = byDevice.flat();
	const base = time('statistics: cells, pairs and forms', () =>
		prepareStats(all, quizzes, { offsetMinutes: 420 })
	);
	time('statistics: dashboard, no filter', () => dashboard(base, [], {}));
	time('statistics: dashboard, one class', () => dashboard(base, [], { classLabel: 'Grade 8A' }));
	time('exports: attempts and answers CSV', () => attemptsCsv(all).length + answersCsv(all).length);
	time('exports: .xlsx sheets (before zipping)', () =>
		workbookSheets({ attempts: all, sessions: [], dashboard: dashboard(base, [], {}) })
	);
}
