import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkContact,
	graphemeLength,
	MAX_CONTACTS,
	readReferralFile,
	REFERRAL_FORMAT,
	toReferralFile,
	type LocalContact
} from '$lib/referral/contacts';

const council: LocalContact = {
	name: 'ក្រុមប្រឹក្សាឃុំ\u200bព្រៃវែង',
	helpsWith: 'Migration questions, a case of trafficking',
	number: '+855 12-345 678'
};

const fileOf = (contacts: unknown, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ format: REFERRAL_FORMAT, version: 1, exportedAt: '', contacts, ...extra });

const problemsOf = (contact: Partial<LocalContact>) => {
	const checked = checkContact({ name: 'Police post', helpsWith: '', number: '', ...contact });
	return checked.ok ? [] : checked.problems;
};

describe('checking a local contact', () => {
	it('accepts Khmer and English, a zero-width space, and a number as dialled', () => {
		expect(checkContact(council)).toEqual({ ok: true, contact: council });
		expect(problemsOf({ number: '' })).toEqual([]);
		expect(problemsOf({ number: '012 345' })).toEqual([]);
	});

	it('trims the spaces around each value', () => {
		expect(checkContact({ name: '  Health centre ', helpsWith: ' ', number: ' 123 ' })).toEqual({
			ok: true,
			contact: { name: 'Health centre', helpsWith: '', number: '123' }
		});
	});

	it('refuses an empty name, even one of spaces', () => {
		expect(problemsOf({ name: '' })).toEqual([{ field: 'name', problem: 'name-missing' }]);
		expect(problemsOf({ name: '   ' })).toEqual([{ field: 'name', problem: 'name-missing' }]);
	});

	it('refuses letters or other signs in a number, and a "+" anywhere but first', () => {
		for (const number of [
			'012 ABC 678',
			'012.345.678',
			'1288 (free)',
			'12+88',
			'++855 12',
			'-123 456'
		]) {
			expect(problemsOf({ number }), number).toEqual([
				{ field: 'number', problem: 'number-characters' }
			]);
		}
	});

	it('refuses a number with fewer than 3 or more than 20 digits', () => {
		expect(problemsOf({ number: '12' })).toEqual([{ field: 'number', problem: 'number-digits' }]);
		expect(problemsOf({ number: '1'.repeat(21) })).toEqual([
			{ field: 'number', problem: 'number-digits' }
		]);
		expect(problemsOf({ number: '123' })).toEqual([]);
		expect(problemsOf({ number: '1'.repeat(20) })).toEqual([]);
	});

	it('counts a label in characters as a reader sees them, so Khmer is not cut short', () => {
		// "ក្ស" is one cluster of three code points.
		const khmer = 'ក្ស'.repeat(80);
		expect(graphemeLength(khmer)).toBe(80);
		expect(khmer.length).toBe(240);
		expect(problemsOf({ name: khmer })).toEqual([]);
		expect(problemsOf({ name: khmer + 'ក' })).toEqual([{ field: 'name', problem: 'too-long' }]);
		expect(problemsOf({ helpsWith: 'a'.repeat(81) })).toEqual([
			{ field: 'helpsWith', problem: 'too-long' }
		]);
	});

	it('refuses line breaks, tabs, control characters and text-direction overrides', () => {
		for (const hidden of [
			'\n',
			'\r',
			'\t',
			'\u0000',
			'\u007f',
			'\u202e',
			'\u202a',
			'\u2066',
			'\u2069',
			'\u200f',
			'\u2028',
			'\ud800'
		]) {
			expect(problemsOf({ name: `Police${hidden}post` }), JSON.stringify(hidden)).toEqual([
				{ field: 'name', problem: 'hidden-characters' }
			]);
			expect(problemsOf({ number: `012${hidden}345` }), JSON.stringify(hidden)).toEqual([
				{ field: 'number', problem: 'hidden-characters' }
			]);
		}
	});

	it('keeps HTML and spreadsheet formulas as the plain text they are', () => {
		const contact = {
			name: '<img src=x onerror=alert(1)>',
			helpsWith: '=HYPERLINK("http://example.com","help")',
			number: '012 345 678'
		};
		expect(checkContact(contact)).toEqual({ ok: true, contact });
	});

	it('refuses values that are not text, and reports every field at fault', () => {
		expect(checkContact({ name: 42, helpsWith: null, number: 'abc' })).toEqual({
			ok: false,
			problems: [
				{ field: 'name', problem: 'not-text' },
				{ field: 'number', problem: 'number-characters' }
			]
		});
	});
});

describe('the referral file', () => {
	it('gives back the same contacts it was made from', () => {
		const contacts = [council, { name: 'Health centre', helpsWith: '', number: '' }];
		const text = toReferralFile(contacts, new Date('2026-03-04T05:06:07Z'));
		expect(JSON.parse(text)).toMatchObject({
			format: 'safe-migration-classroom-referrals',
			version: 1,
			exportedAt: '2026-03-04T05:06:07.000Z'
		});
		expect(readReferralFile(text)).toEqual({ ok: true, contacts });
	});

	it('round-trips any list of contacts the form accepts', () => {
		const label = fc
			.string({ maxLength: 80, unit: 'grapheme' })
			.filter((text) => checkContact({ name: text, helpsWith: text, number: '' }).ok);
		const contact = fc.record({
			name: label.filter((text) => text.trim() !== ''),
			helpsWith: label,
			number: fc.stringMatching(/^\+?[0-9]{3,12}( [0-9]{1,4})?$/)
		});
		fc.assert(
			fc.property(fc.array(contact, { maxLength: MAX_CONTACTS }), (contacts) => {
				const checked = contacts.map((entry) => checkContact(entry));
				const kept = checked.flatMap((result) => (result.ok ? [result.contact] : []));
				expect(readReferralFile(toReferralFile(kept))).toEqual({ ok: true, contacts: kept });
			}),
			{ numRuns: 200, seed: 1288 }
		);
	});

	it('refuses a file that is not JSON', () => {
		expect(readReferralFile('name,number\nPolice,117')).toEqual({
			ok: false,
			refusal: { reason: 'not-json' }
		});
	});

	it("refuses another app's file, and other files of this app", () => {
		const results = JSON.stringify({
			format: 'safe-migration-classroom-results',
			version: 1,
			attempts: []
		});
		for (const text of [
			results,
			'[]',
			'null',
			'"contacts"',
			JSON.stringify({ contacts: [council] })
		]) {
			expect(readReferralFile(text), text).toEqual({
				ok: false,
				refusal: { reason: 'other-format' }
			});
		}
		expect(readReferralFile(fileOf('all of them'))).toEqual({
			ok: false,
			refusal: { reason: 'other-format' }
		});
	});

	it('refuses a file from a newer version of the app, saying which', () => {
		expect(readReferralFile(fileOf([council], { version: 2 }))).toEqual({
			ok: false,
			refusal: { reason: 'newer-version', version: 2 }
		});
	});

	it('refuses 200 contacts, whole, rather than keep the first 12', () => {
		const many = Array.from({ length: 200 }, (_, index) => ({ ...council, name: `Post ${index}` }));
		expect(readReferralFile(fileOf(many))).toEqual({
			ok: false,
			refusal: { reason: 'too-many', count: 200 }
		});
	});

	it('refuses the whole file for one bad contact, naming it', () => {
		const good = { ...council };
		expect(readReferralFile(fileOf([good, good, { ...good, name: '' }]))).toEqual({
			ok: false,
			refusal: { reason: 'bad-contact', position: 3, field: 'name', problem: 'name-missing' }
		});
		expect(readReferralFile(fileOf([{ ...good, number: 'call the chief' }]))).toEqual({
			ok: false,
			refusal: { reason: 'bad-contact', position: 1, field: 'number', problem: 'number-characters' }
		});
		expect(readReferralFile(fileOf([{ ...good, helpsWith: 'x\u202eevil' }]))).toEqual({
			ok: false,
			refusal: {
				reason: 'bad-contact',
				position: 1,
				field: 'helpsWith',
				problem: 'hidden-characters'
			}
		});
	});

	it('refuses contacts with keys it does not know, __proto__ included, and leaves objects untouched', () => {
		expect(readReferralFile(fileOf([{ ...council, email: 'a@b.c' }]))).toEqual({
			ok: false,
			refusal: { reason: 'other-format' }
		});
		const poisoned = fileOf([council]).replace(
			'"name"',
			'"__proto__": { "polluted": true }, "name"'
		);
		expect(readReferralFile(poisoned)).toEqual({ ok: false, refusal: { reason: 'other-format' } });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a file far bigger than any list of contacts, before reading it', () => {
		expect(readReferralFile(fileOf([council], { padding: 'x'.repeat(70_000) }))).toEqual({
			ok: false,
			refusal: { reason: 'too-big' }
		});
	});

	it('keeps HTML in a label as text, to be shown as text', () => {
		const html = { name: '<script>alert(1)</script>', helpsWith: '<b>bold</b>', number: '123' };
		expect(readReferralFile(fileOf([html]))).toEqual({ ok: true, contacts: [html] });
	});
});
