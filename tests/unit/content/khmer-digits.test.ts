import { describe, expect, it } from 'vitest';
import { khmerBodyProse, toKhmerDigits } from '$lib/content/khmer-digits';
import { formatProblem } from '$lib/content/problems';
import { compileWith as compileWithBase, errors, fixtureSet } from './fixtures';

const KM = 'content/km/lessons/moving.md';
const base = fixtureSet();
const khmerLesson = base.get(KM)!;
const warningsFor = (text: string) => {
	const { problems } = compileWithBase(base, { [KM]: text });
	expect(errors(problems)).toEqual([]);
	return problems.map(formatProblem);
};

const body = (lines: string[]) => ({ yaml: '', yamlLine: 2, body: lines, bodyLine: 10 });

describe('one digit system in Khmer', () => {
	it('warns about Latin digits in Khmer prose, at their line, with the Khmer digits to write', () => {
		const warnings = warningsFor(
			khmerLesson.replace('គិតពីនរណាម្នាក់។', 'ប្រហែល 300 បាត ឬ 4,000 បាត ក្នុងឆ្នាំ 2015។')
		);
		expect(warnings).toEqual([
			`${KM}:18: warning: Latin digits "300", "4,000", "2015" in Khmer text — write ៣០០, ៤,០០០, ២០១៥ instead: Khmer text uses Khmer digits (០–៩), and only the phone numbers of content/contacts.yml keep the digits they are dialled with`
		]);
	});

	it('checks the title, summary and objectives a reader sees, not ids, numbers or sources', () => {
		const warnings = warningsFor(
			khmerLesson
				.replace('title: ហេតុអ្វីមនុស្សធ្វើចំណាកស្រុក', 'title: ហេតុអ្វីមនុស្សធ្វើចំណាកស្រុក 2')
				.replace('  - ប្រាប់មូលហេតុពីរ។', '  - ប្រាប់មូលហេតុ 2។')
		);
		expect(warnings.map((warning) => warning.split(': warning: ')[0])).toEqual([`${KM}:3`, `${KM}:8`]);
	});

	it('says nothing of Khmer digits, of the hotline as dialled, or of the minutes of a part', () => {
		expect(
			warningsFor(khmerLesson.replace('គិតពីនរណាម្នាក់។', 'ហៅលេខ 1288 ក្នុងរយៈពេល ៥ នាទី។'))
		).toEqual([]);
	});

	it('warns about a phone number put into Khmer digits: it is written as dialled', () => {
		expect(
			warningsFor(khmerLesson.replace('គិតពីនរណាម្នាក់។', 'ហៅលេខ ១២៨៨។'))
		).toEqual([
			`${KM}:18: warning: "១២៨៨" is a phone number written in Khmer digits — write it as it is dialled, 1288: phone numbers keep their Latin digits`
		]);
	});

	it('leaves out what is syntax: question lines, list numbers, inserts, inline code, story ids and rules', () => {
		const lines = [
			'Question: q-2',
			'Type: single',
			'Checks: call-1288',
			'1. ជំហានទីមួយ',
			'[messages 1-3]',
			'Part: ការកម្តៅ (5 min)',
			'`code 42`',
			'## step-2: ជំហាន',
			'- ទៅ → step-3',
			'  if: warnings >= 2',
			'  set: debt + 150',
			'```',
			'42',
			'```'
		];
		expect(khmerBodyProse(body(lines), 'stories').map((prose) => prose.text.trim())).toEqual([
			'ជំហានទីមួយ',
			'ការកម្តៅ',
			'ជំហាន',
			'- ទៅ'
		]);
		// A lesson heading is prose: "## 2015: …" is a year, not a passage id.
		expect(khmerBodyProse(body(['## 2015: ឆ្នាំ']), 'lessons')[0]!.text).toBe('## 2015: ឆ្នាំ');
	});

	it('turns Latin digits into Khmer ones', () => {
		expect(toKhmerDigits('7–8, 2015')).toBe('៧–៨, ២០១៥');
	});
});
