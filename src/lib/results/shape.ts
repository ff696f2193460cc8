/**
 * Record shapes for imported files, each written once and giving two things: a zod schema
 * (the JSON Schema in docs/ is generated from it) and a plain check that stops at the first
 * flaw. A district's import holds 100,000 answers: zod takes a third of a second over them
 * on a fast machine, and on a file where each of them is wrong once it once gathered
 * 150,000 issues and overflowed the stack. The plain check does the same work in a tenth of
 * the time, allocates nothing while values are good, and builds the path of a flaw only
 * on its way back up. A unit test holds the two to the same answers.
 */
import * as z from 'zod/mini';

/** Where a value breaks its shape (keys and indexes from the value checked) and why. */
export interface Flaw {
	path: (string | number)[];
	reason: string;
}

export interface Shape<T> {
	/** The first flaw, or undefined when the value has the shape. */
	check(value: unknown): Flaw | undefined;
	schema: z.ZodMiniType<T>;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const flaw = (reason: string): Flaw => ({ path: [], reason });
const described = (description: string) => z.describe(description);

export interface TextRules {
	min?: number;
	max: number;
	pattern?: RegExp;
}

export function text(description: string, rules: TextRules): Shape<string> {
	const { min = 0, max, pattern } = rules;
	const checks = [z.maxLength(max), described(description)];
	if (min > 0) checks.unshift(z.minLength(min));
	if (pattern) checks.unshift(z.regex(pattern));
	return {
		schema: z.string().check(...checks),
		check(value) {
			if (typeof value !== 'string') return flaw('expected text');
			if (value.length < min) return flaw('too short');
			if (value.length > max) return flaw('too long');
			if (pattern && !pattern.test(value)) return flaw('not in the expected form');
			return undefined;
		}
	};
}

/** A whole number from `min` to `max`. */
export function integer(description: string, min: number, max: number): Shape<number> {
	return {
		schema: z.int().check(z.minimum(min), z.maximum(max), described(description)),
		check(value) {
			if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
				return flaw('expected a whole number');
			}
			if (value < min) return flaw('too small');
			if (value > max) return flaw('too large');
			return undefined;
		}
	};
}

export function flag(description: string): Shape<boolean> {
	return {
		schema: z.boolean().check(described(description)),
		check: (value) => (typeof value === 'boolean' ? undefined : flaw('expected true or false'))
	};
}

export function oneOf<const T extends readonly [string, ...string[]]>(
	description: string,
	values: T
): Shape<T[number]> {
	const allowed = new Set<unknown>(values);
	return {
		schema: z.enum(values).check(described(description)) as z.ZodMiniType<T[number]>,
		check: (value) =>
			allowed.has(value) ? undefined : flaw(`expected one of ${values.join(', ')}`)
	};
}

export function literal<const T extends string | number>(
	description: string,
	expected: T
): Shape<T> {
	return {
		schema: z.literal(expected).check(described(description)) as z.ZodMiniType<T>,
		check: (value) =>
			value === expected ? undefined : flaw(`expected ${JSON.stringify(expected)}`)
	};
}

/**
 * A date and time as zod reads ISO 8601 (UTC, `Z`), optionally only to the minute: results
 * never say more than the minute, so that times cannot tell students in a queue apart.
 * Checked by the zod schema itself: a few per attempt, and the calendar rules stay zod's.
 */
export function instant(description: string, toTheMinute: boolean): Shape<string> {
	const schema = toTheMinute
		? z.iso.datetime().check(z.regex(/T\d\d:\d\d(:00(\.0+)?)?Z$/), described(description))
		: z.iso.datetime().check(described(description));
	return {
		schema,
		check: (value) =>
			schema.safeParse(value).success
				? undefined
				: flaw(toTheMinute ? 'expected a UTC time to the minute' : 'expected a UTC time')
	};
}

/** A day, `YYYY-MM-DD`. */
export function day(description: string): Shape<string> {
	const schema = z.iso.date().check(described(description));
	return {
		schema,
		check: (value) => (schema.safeParse(value).success ? undefined : flaw('expected a day'))
	};
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
	return {
		schema: z.nullable(shape.schema),
		check: (value) => (value === null ? undefined : shape.check(value))
	};
}

export interface ListRules {
	min?: number;
	max: number;
}

export function list<T>(description: string, item: Shape<T>, rules: ListRules): Shape<T[]> {
	const { min = 0, max } = rules;
	const checks = [z.maxLength(max), described(description)];
	if (min > 0) checks.unshift(z.minLength(min));
	return {
		schema: z.array(item.schema).check(...checks),
		check(value) {
			if (!Array.isArray(value)) return flaw('expected a list');
			if (value.length < min) return flaw('too few items');
			if (value.length > max) return flaw('too many items');
			for (let index = 0; index < value.length; index++) {
				const found = item.check(value[index]);
				if (found) {
					found.path.unshift(index);
					return found;
				}
			}
			return undefined;
		}
	};
}

type Fields = Record<string, Shape<unknown>>;
export type Shaped<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

/**
 * An object with exactly these keys: none missing, none more. A key such as `__proto__`
 * or `constructor` is refused like any other unknown key (JSON.parse makes it an ordinary
 * own key, and neither this check nor zod's ever assigns it anywhere).
 */
export function record<F extends Fields>(description: string, fields: F): Shape<Shaped<F>> {
	const keys = Object.keys(fields);
	const checks = keys.map((key) => fields[key]!.check);
	const schemas = Object.fromEntries(keys.map((key) => [key, fields[key]!.schema]));
	return {
		schema: z.strictObject(schemas).check(described(description)) as z.ZodMiniType<Shaped<F>>,
		check(value) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				return flaw('expected an object');
			}
			for (const key in value) {
				if (!Object.hasOwn(fields, key)) return { path: [key], reason: 'unknown key' };
			}
			const record = value as Record<string, unknown>;
			for (let index = 0; index < keys.length; index++) {
				const key = keys[index]!;
				const field = record[key];
				if (field === undefined && !Object.hasOwn(record, key)) {
					return { path: [key], reason: 'missing' };
				}
				const found = checks[index]!(field);
				if (found) {
					found.path.unshift(key);
					return found;
				}
			}
			return undefined;
		}
	};
}

/** `attempts[3].answers[0].given` */
export function pathText(path: readonly (string | number)[]): string {
	let text = '';
	for (const part of path) {
		text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
	}
	return text;
}
