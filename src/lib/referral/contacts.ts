/**
 * The local referral list: the services near the school (commune council for women and
 * children, police post, health centre, a local organisation) that a teacher or trainer
 * writes in, shown beside 1288. Every contact is checked by the same rules wherever it
 * comes from (the form, this device's storage, an imported file); pages show it only as
 * text, never as HTML.
 */

export interface LocalContact {
	name: string;
	/** What they help with, in the teacher's words; may be empty. */
	helpsWith: string;
	/** As dialled: digits, spaces, "-" and a leading "+"; may be empty (a place to go to). */
	number: string;
}

export const MAX_CONTACTS = 12;
/** How many fit on the printed "Who to call" card, beside 1288; the app shows them all. */
export const CARD_CONTACTS = 3;
/** How many fit on a projected slide of their own at 1024×768, in either language (measured). */
export const SLIDE_CONTACTS = 4;
/** Longest name or "helps with", in characters as a reader counts them (Khmer clusters count once). */
export const MAX_LABEL = 80;
export const MIN_DIGITS = 3;
export const MAX_DIGITS = 20;

export const REFERRAL_FORMAT = 'safe-migration-classroom-referrals';
export const REFERRAL_VERSION = 1;
/** A file of 12 contacts is a few kilobytes; anything far bigger is not one of ours. */
export const MAX_FILE_BYTES = 64 * 1024;

export type ContactField = keyof LocalContact;

export type ContactProblem =
	| 'name-missing'
	| 'too-long'
	| 'hidden-characters'
	| 'number-characters'
	| 'number-digits'
	| 'not-text';

export interface FieldProblem {
	field: ContactField;
	problem: ContactProblem;
}

export type ContactCheck =
	{ ok: true; contact: LocalContact } | { ok: false; problems: FieldProblem[] };

const fields: readonly ContactField[] = ['name', 'helpsWith', 'number'];

/**
 * Characters that would hide or reorder text where it is shown: controls (line breaks,
 * tabs, escapes), the bidirectional embeddings, overrides and isolates, and lone halves
 * of surrogate pairs. Zero-width space and joiners stay allowed: Khmer text uses them.
 */
const HIDDEN = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/u;
const NUMBER = /^\+?[0-9][0-9 -]*$/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as a reader counts it: a Khmer consonant with its vowel and signs is one. */
export function graphemeLength(text: string): number {
	let count = 0;
	for (const _ of graphemes.segment(text)) count++;
	return count;
}

function checkText(field: ContactField, value: string): ContactProblem | null {
	if (HIDDEN.test(value)) return 'hidden-characters';
	if (field === 'name' && value === '') return 'name-missing';
	if (field === 'number') {
		if (value === '') return null;
		if (!NUMBER.test(value)) return 'number-characters';
		const digits = value.replace(/\D/g, '').length;
		if (digits < MIN_DIGITS || digits > MAX_DIGITS) return 'number-digits';
		return null;
	}
	return graphemeLength(value) > MAX_LABEL ? 'too-long' : null;
}

/** Checks one contact as typed or read; spaces around each value are dropped. */
export function checkContact(input: Record<ContactField, unknown>): ContactCheck {
	const problems: FieldProblem[] = [];
	const contact: LocalContact = { name: '', helpsWith: '', number: '' };
	for (const field of fields) {
		const value = input[field] ?? '';
		if (typeof value !== 'string') {
			problems.push({ field, problem: 'not-text' });
			continue;
		}
		// Runs of spaces inside a number are kept as typed: "012 345 678".
		contact[field] = value.trim();
		const problem = checkText(field, contact[field]);
		if (problem) problems.push({ field, problem });
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, contact };
}

/** The file a trainer copies to other tablets; the same shape is kept in this device's storage. */
export interface ReferralFile {
	format: typeof REFERRAL_FORMAT;
	version: typeof REFERRAL_VERSION;
	exportedAt: string;
	contacts: LocalContact[];
}

export function toReferralFile(contacts: readonly LocalContact[], now = new Date()): string {
	const file: ReferralFile = {
		format: REFERRAL_FORMAT,
		version: REFERRAL_VERSION,
		exportedAt: now.toISOString(),
		contacts: contacts.map(({ name, helpsWith, number }) => ({ name, helpsWith, number }))
	};
	return JSON.stringify(file, null, 2) + '\n';
}

/** Why a file was refused: the whole file is, never a part of it. */
export type ReferralRefusal =
	| { reason: 'too-big' }
	| { reason: 'not-json' }
	| { reason: 'other-format' }
	| { reason: 'newer-version'; version: number }
	| { reason: 'too-many'; count: number }
	| { reason: 'bad-contact'; position: number; field: ContactField; problem: ContactProblem };

export type ReferralRead =
	{ ok: true; contacts: LocalContact[] } | { ok: false; refusal: ReferralRefusal };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const refuse = (refusal: ReferralRefusal): ReferralRead => ({ ok: false, refusal });

/**
 * Reads a referral file, all or nothing. A contact holds the three fields this version
 * knows, each as text: any other key (`__proto__` too) means the file is not ours or is
 * damaged, and the whole file is refused.
 */
export function readReferralFile(text: string): ReferralRead {
	if (new TextEncoder().encode(text).length > MAX_FILE_BYTES) return refuse({ reason: 'too-big' });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refuse({ reason: 'not-json' });
	}
	if (!isRecord(data) || data.format !== REFERRAL_FORMAT) return refuse({ reason: 'other-format' });
	if (typeof data.version === 'number' && data.version > REFERRAL_VERSION) {
		return refuse({ reason: 'newer-version', version: data.version });
	}
	if (data.version !== REFERRAL_VERSION || !Array.isArray(data.contacts)) {
		return refuse({ reason: 'other-format' });
	}
	if (data.contacts.length > MAX_CONTACTS) {
		return refuse({ reason: 'too-many', count: data.contacts.length });
	}
	const contacts: LocalContact[] = [];
	for (const [index, entry] of data.contacts.entries()) {
		const position = index + 1;
		if (
			!isRecord(entry) ||
			Object.keys(entry).some((key) => !fields.includes(key as ContactField))
		) {
			return refuse({ reason: 'other-format' });
		}
		const checked = checkContact({
			name: entry.name,
			helpsWith: entry.helpsWith,
			number: entry.number
		});
		if (!checked.ok) return refuse({ reason: 'bad-contact', position, ...checked.problems[0]! });
		contacts.push(checked.contact);
	}
	return { ok: true, contacts };
}
