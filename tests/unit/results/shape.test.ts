import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerShape, attemptShape, headerShape, partShape } from '$lib/results/attempt';
import {
	legacyAnswerShape,
	legacyAttemptShape,
	sealedAttemptShape,
	sessionShape
} from '$lib/results/export-format';
import { pathText, type Shape } from '$lib/results/shape';
import { attempt, legacyExport, opaque, session } from './records';

const taken = attempt({ pairingCode: 'K-07-2', classLabel: 'ថ្នាក់ទី៨ ខ' });
const { answers: _, score: __, finishedAt, status, ...header } = taken;
const legacy = legacyExport([taken]);

const examples: [string, Shape<unknown>, unknown][] = [
	['answer', answerShape, taken.answers[1]],
	['header', headerShape, header],
	[
		'part',
		partShape,
		{ v: 1, header, answers: taken.answers, end: { finishedAt: finishedAt!, status } }
	],
	['attempt', attemptShape, taken],
	['session', sessionShape, session()],
	[
		'sealed attempt',
		sealedAttemptShape,
		{ uuid: taken.uuid, parts: [{ enc: opaque(32), ct: opaque(500) }] }
	],
	['version 1 attempt', legacyAttemptShape, legacy.attempts[0]],
	['version 1 answer', legacyAnswerShape, legacy.answers[0]]
];

/** Values near a valid record: a field changed, removed or added, anywhere in it. */
function near(value: unknown): fc.Arbitrary<unknown> {
	if (value === null || typeof value !== 'object') {
		return fc.oneof(
			fc.constant(value),
			fc.jsonValue({ maxDepth: 2 }),
			fc.constantFrom(-0, 1.5, 2 ** 53, '', 'a'.repeat(500))
		);
	}
	if (Array.isArray(value)) {
		return fc.oneof(
			fc.constant(value),
			fc.constant([]),
			fc
				.nat({ max: Math.max(0, value.length - 1) })
				.chain((index) =>
					near(value[index]).map((item) => value.map((one, at) => (at === index ? item : one)))
				),
			fc.constant([...value, ...value, ...value, ...value])
		);
	}
	const keys = Object.keys(value);
	const record = value as Record<string, unknown>;
	return fc.oneof(
		fc.constant(value),
		fc
			.constantFrom(...keys)
			.chain((key) => near(record[key]).map((item) => ({ ...record, [key]: item }))),
		fc.constantFrom(...keys).map((key) => {
			const { [key]: _, ...rest } = record;
			return rest;
		}),
		fc
			.constantFrom('extra', '__proto__', 'constructor')
			.map((key) => JSON.parse(JSON.stringify(record).replace('{', `{"${key}":1,`)))
	);
}

describe('record shapes', () => {
	it.each(examples)('accept a valid %s', (_name, shape, value) => {
		expect(shape.check(value)).toBeUndefined();
		expect(shape.schema.safeParse(value).success).toBe(true);
	});

	it.each(examples)(
		'say the same as their zod schema about anything near a %s',
		(_name, shape, value) => {
			fc.assert(
				fc.property(near(value), (candidate) => {
					expect(shape.check(candidate) === undefined).toBe(
						shape.schema.safeParse(candidate).success
					);
				}),
				{ numRuns: 400 }
			);
		}
	);

	it('name the first flaw with its path and reason', () => {
		expect(
			attemptShape.check({ ...taken, answers: [{ ...taken.answers[0]!, given: ['k'] }] })
		).toEqual({
			path: ['answers', 0, 'given', 0],
			reason: 'not in the expected form'
		});
		expect(attemptShape.check({ ...taken, maxScore: 101 })).toEqual({
			path: ['maxScore'],
			reason: 'too large'
		});
		expect(attemptShape.check({ ...taken, startedAt: '2025-03-03T01:20:30.000Z' })).toEqual({
			path: ['startedAt'],
			reason: 'expected a UTC time to the minute'
		});
		const { seed: ___, ...unseeded } = taken;
		expect(attemptShape.check(unseeded)).toEqual({ path: ['seed'], reason: 'missing' });
		expect(attemptShape.check([])).toEqual({ path: [], reason: 'expected an object' });
	});

	it('refuse __proto__ as an unknown key, as zod’s strictObject does, and leave the prototype alone', () => {
		const hostile = JSON.parse(JSON.stringify(taken).replace('{', '{"__proto__":{"admin":true},'));
		expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
		expect(attemptShape.check(hostile)).toEqual({ path: ['__proto__'], reason: 'unknown key' });
		const parsed = attemptShape.schema.safeParse(hostile);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]).toMatchObject({
			code: 'unrecognized_keys',
			keys: ['__proto__']
		});
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});

	it('write paths as a reader expects them', () => {
		expect(pathText(['attempts', 3, 'parts', 0, 'enc'])).toBe('attempts[3].parts[0].enc');
		expect(pathText([2, 'x'])).toBe('[2].x');
		expect(pathText([])).toBe('');
	});
});
