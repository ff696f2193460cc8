/**
 * Made-up JSON exports of a district's tablets, for the results benchmark: each device's
 * classes take the pre-session quiz and, weeks later, the post-session one, some students
 * with a pairing code. Random but seeded, so every run merges the very same files. No real
 * student is in them: labels, codes and answers are all drawn here.
 */
import type { AnswerRecord, AttemptRecord, SessionRecord } from '../../src/lib/results/db';
import {
	EXPORT_FORMAT,
	LEGACY_VERSION,
	type LegacyExport
} from '../../src/lib/results/export-format';
import { pairingLetters } from '../../src/lib/quiz/pairing';

export interface DeviceFile {
	name: string;
	data: LegacyExport;
}

export interface DistrictShape {
	devices: number;
	/** Students per device; each takes the pre and the post quiz. */
	students: number;
	/** Questions each attempt answered. */
	questions: number;
}

// The quizzes' own question ids (content/en/quizzes/), then those of an earlier, longer
// version of each: the attempts were taken on that version, which had twenty questions.
const quizzes = {
	pre: {
		id: 'before-the-sessions',
		current: [
			'broker-promise',
			'ask-local-authority',
			'sign-what-you-read',
			'wages-before-you-go',
			'passport',
			'legal-migrant-papers',
			'hotline',
			'keep-your-id',
			'count-the-costs',
			'signs-at-work',
			'papers-are-not-enough'
		]
	},
	post: {
		id: 'after-the-sessions',
		current: [
			'friendly-broker',
			'unknown-agent',
			'just-sign-here',
			'steps-before-leaving',
			'valid-passport',
			'papers-for-thailand',
			'trouble-abroad',
			'kept-documents',
			'legal-or-broker',
			'what-is-trafficking',
			'fishing-boats'
		]
	}
} as const;

const QUIZ_VERSION = { pre: '7c41e09ab2d3', post: 'e2b0946c51fa' } as const;

/** What teachers type as a class label, in both languages; never a name. */
const classLabels = [
	'Grade 7A',
	'ថ្នាក់ទី ៧ក',
	'Grade 8B',
	'ថ្នាក់ទី ៨ខ',
	'Grade 9C',
	'ថ្នាក់ទី ៩គ',
	'Grade 8A',
	'ថ្នាក់ទី ៨ក',
	'Grade 9A',
	'ថ្នាក់ទី ៩ខ',
	'Grade 7B',
	'ថ្នាក់ទី ៧គ'
];

const lessons = [
	'welcome-pre-quiz',
	'why-people-move',
	'opportunities-at-home',
	'costs-and-benefits',
	'brokers-and-agencies',
	'documents',
	'rights-of-migrants',
	'what-is-trafficking',
	'getting-help',
	'story-session',
	'six-key-messages',
	'review-post-quiz'
];

/** mulberry32: a small seeded generator, plenty for made-up data. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
		mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}

export function makeDistrict(shape: DistrictShape, seed = 2025): DeviceFile[] {
	const random = seeded(seed);
	const below = (n: number) => Math.floor(random() * n);
	const pick = <T>(choices: readonly T[]): T => choices[below(choices.length)]!;
	const uuid = () => {
		const hex = Array.from({ length: 32 }, () => below(16).toString(16));
		hex[12] = '4';
		hex[16] = (8 + below(4)).toString(16);
		const text = hex.join('');
		return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
	};
	const minute = (day: Date, hour: number, min: number) =>
		new Date(
			Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, min)
		).toISOString();
	const addDays = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);
	const questionIds = (side: 'pre' | 'post') => [
		...quizzes[side].current,
		...Array.from(
			{ length: shape.questions - quizzes[side].current.length },
			(_, index) => `earlier-${side}-${index + 1}`
		)
	];

	return Array.from({ length: shape.devices }, (_, deviceIndex) => {
		const device = uuid();
		const classes = [
			classLabels[(2 * deviceIndex) % classLabels.length]!,
			classLabels[(2 * deviceIndex + 1) % classLabels.length]!
		];
		const preDay = addDays(new Date(Date.UTC(2025, 1, 3)), below(20));
		const postDay = addDays(preDay, 42 + below(14));
		const attempts: AttemptRecord[] = [];
		const answers: AnswerRecord[] = [];

		const take = (side: 'pre' | 'post', classLabel: string, code: string | null, day: Date) => {
			const uuidOfAttempt = uuid();
			const locale = /^Grade/.test(classLabel) && random() < 0.7 ? 'en' : 'km';
			const likelihood = side === 'pre' ? 0.55 : 0.75;
			let score = 0;
			for (const questionId of questionIds(side)) {
				const correct = random() < likelihood;
				if (correct) score += 1;
				answers.push({
					attemptUuid: uuidOfAttempt,
					questionId,
					given: random() < 0.2 ? ['a', 'c'] : [pick(['a', 'b', 'c', 'd'])],
					correct,
					ms: 3000 + below(40_000)
				});
			}
			const startHour = 1 + below(6);
			const startMinute = below(40);
			attempts.push({
				uuid: uuidOfAttempt,
				deviceId: device,
				quizId: quizzes[side].id,
				quizVersion: QUIZ_VERSION[side],
				purpose: side,
				classLabel,
				locale,
				startedAt: minute(day, startHour, startMinute),
				finishedAt: minute(day, startHour, startMinute + 8 + below(12)),
				status: 'finished',
				score,
				maxScore: shape.questions,
				seed: below(0x100000000),
				pairingCode: code
			});
		};

		for (let student = 0; student < shape.students; student++) {
			const classLabel = classes[student % classes.length]!;
			const letters = pairingLetters[/^Grade/.test(classLabel) ? 'en' : 'km'];
			const code =
				random() < 0.6
					? `${pick(letters)}-${String(1 + below(12)).padStart(2, '0')}-${pick(['0', '1', '2', '3', '4', '5+'])}`
					: null;
			take('pre', classLabel, code, preDay);
			take('post', classLabel, code, postDay);
		}

		const sessions: SessionRecord[] = classes.flatMap((classLabel, classIndex) =>
			lessons.map((lessonId, lessonIndex) => {
				const day = addDays(preDay, 3 * lessonIndex + classIndex);
				const students = 25 + below(20);
				const girls = random() < 0.8 ? below(students + 1) : null;
				return {
					uuid: uuid(),
					deviceId: device,
					date: day.toISOString().slice(0, 10),
					classLabel,
					lessonId,
					students,
					girls,
					boys: girls === null ? null : students - girls,
					recordedAt: minute(day, 4, below(60))
				};
			})
		);

		const exportedAt = addDays(postDay, 1);
		return {
			name: `smc-results-${exportedAt.toISOString().slice(0, 10)}-${device.slice(0, 8)}.json`,
			data: {
				format: EXPORT_FORMAT,
				version: LEGACY_VERSION,
				device,
				exportedAt: exportedAt.toISOString(),
				attempts,
				answers,
				sessions
			}
		};
	});
}
