/**
 * Made-up sealed exports of a district's stations, for the results benchmark: each device's
 * classes take the pre and, weeks later, the post quiz of the current content (their ids,
 * versions, questions and answer keys read from content/, as the app compiles it), some
 * students with a pairing code, in English or Khmer. Every attempt is sealed to a test
 * trainer's key by the app's own code (seal.ts), one part per attempt, as a station that
 * was never reloaded writes it. Random but seeded: every run seals the same attempts. No
 * real student is in them.
 */
import { compileContent } from '../../src/lib/content/compile';
import { readContentFiles } from '../../src/lib/content/read-files';
import type { Locale } from '../../src/lib/content/types';
import type { Attempt } from '../../src/lib/results/attempt';
import { sealPart, type SealingKey } from '../../src/lib/results/seal';
import { isCorrect } from '../../src/lib/quiz/scoring';
import type { Question, Quiz } from '../../src/lib/quiz/types';

export interface DistrictShape {
	devices: number;
	/** Attempts each device holds, pre and post in turn. */
	attempts: number;
}

export interface SealedDistrict {
	files: { name: string; text: string }[];
	attempts: number;
	answers: number;
	bytes: number;
	/** Sealing the parts, in this process: milliseconds of wall and of CPU time. */
	seal: { parts: number; wallMs: number; cpuMs: number };
	/** The quizzes the attempts were taken on, and their number of questions. */
	quizzes: { id: string; purpose: string; questions: number }[];
}

const EXPORTED_AT = '2025-06-01T09:00:00.000Z';

/** The pre and the post quiz of the current content, by language. */
export function assessmentQuizzes(): Record<'pre' | 'post', Record<Locale, Quiz>> {
	const { content } = compileContent(readContentFiles(process.cwd()));
	const find = (locale: Locale, purpose: 'pre' | 'post') => {
		const found = content.quizzes[locale].filter((quiz) => quiz.purpose === purpose);
		if (found.length !== 1) throw new Error(`expected one ${purpose} quiz in ${locale}`);
		return found[0]!;
	};
	return {
		pre: { en: find('en', 'pre'), km: find('km', 'pre') },
		post: { en: find('en', 'post'), km: find('km', 'post') }
	};
}

function generator(seed: number) {
	let state = seed;
	const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const hex = (length: number) =>
		Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
	const uuid = () =>
		`${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
	return { random, pick, uuid };
}

/** A wrong answer the question can receive, or its key: what a student could give. */
function answerTo(question: Question, right: boolean): string[] {
	const keys = question.options.map((option) => option.key);
	if (right) return [...question.correct];
	if (question.type === 'order') return [...question.correct].reverse();
	const wrong = keys.find((key) => !question.correct.includes(key)) ?? keys[0]!;
	return [wrong];
}

const CLASSES = ['Grade 7A', 'Grade 8B', 'Grade 9C', 'ថ្នាក់ទី ៨ក', 'ថ្នាក់ទី ៩ខ'];
const LETTERS = 'ABCDEKLMNPRSTV';

export async function sealedDistrict(
	shape: DistrictShape,
	key: SealingKey
): Promise<SealedDistrict> {
	const quizzes = assessmentQuizzes();
	const { random, pick, uuid } = generator(42);
	const files: SealedDistrict['files'] = [];
	let [answers, bytes, parts, wallMs, cpuMs] = [0, 0, 0, 0, 0];
	for (let device = 0; device < shape.devices; device++) {
		const deviceId = uuid();
		const records: { uuid: string; parts: Awaited<ReturnType<typeof sealPart>>[] }[] = [];
		for (let index = 0; index < shape.attempts; index++) {
			const purpose = index % 2 === 0 ? 'pre' : 'post';
			const locale: Locale = random() < 0.7 ? 'km' : 'en';
			const quiz = quizzes[purpose][locale];
			const day = purpose === 'pre' ? 3 + (index % 5) : 20 + (index % 5);
			const minute = String(10 + (index % 40)).padStart(2, '0');
			const startedAt = `2025-03-${String(day).padStart(2, '0')}T02:${minute}:00.000Z`;
			const given = quiz.questions.map((question) => {
				const answer = answerTo(question, random() < (purpose === 'pre' ? 0.5 : 0.7));
				return {
					questionId: question.id,
					given: answer,
					correct: isCorrect(question, answer),
					ms: 2000 + Math.floor(random() * 9000)
				};
			});
			const attempt: Attempt = {
				uuid: uuid(),
				deviceId,
				quizId: quiz.id,
				quizVersion: quiz.version,
				purpose,
				classLabel: pick(CLASSES),
				locale,
				startedAt,
				finishedAt: startedAt.replace('T02:', 'T03:'),
				status: 'finished',
				score: given.filter((answer) => answer.correct).length,
				maxScore: quiz.questions.length,
				seed: Math.floor(random() * 2 ** 32),
				pairingCode:
					random() < 0.6
						? `${pick([...LETTERS])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${Math.floor(random() * 5)}`
						: null,
				source: 'tablet',
				answers: given
			};
			answers += given.length;
			const { score: _, answers: kept, finishedAt, status, ...header } = attempt;
			const [cpu, wall] = [process.cpuUsage(), performance.now()];
			const part = await sealPart(key, attempt.uuid, {
				v: 1,
				header,
				answers: kept,
				end: { finishedAt: finishedAt!, status }
			});
			const spent = process.cpuUsage(cpu);
			wallMs += performance.now() - wall;
			cpuMs += (spent.user + spent.system) / 1000;
			parts += 1;
			records.push({ uuid: attempt.uuid, parts: [part] });
		}
		const text = JSON.stringify({
			format: 'safe-migration-classroom-results',
			version: 2,
			device: deviceId,
			exportedAt: EXPORTED_AT,
			keyId: key.keyId,
			attempts: records,
			sessions: null
		});
		bytes += Buffer.byteLength(text);
		files.push({ name: `station-${String(device + 1).padStart(2, '0')}.json`, text });
	}
	return {
		files,
		attempts: shape.devices * shape.attempts,
		answers,
		bytes,
		seal: { parts, wallMs, cpuMs },
		quizzes: (['pre', 'post'] as const).map((purpose) => ({
			id: quizzes[purpose].en.id,
			purpose,
			questions: quizzes[purpose].en.questions.length
		}))
	};
}
