import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/content/problems';
import { compileWith as compileWithBase, errors, fixtureSet } from './fixtures';

const EN = 'content/en/cards/help.md';
const KM = 'content/km/cards/help.md';

const base = fixtureSet();
const compileWith = (changes: Record<string, string | null> = {}) => compileWithBase(base, changes);

const fixture = (path: string) => base.get(path)!;

/** The English fixture card with one edit applied. */
const editCard = (edit: (text: string) => string) => ({ [EN]: edit(fixture(EN)) });


const help = (content: ReturnType<typeof compileWith>['content'], locale: 'en' | 'km') =>
	content.cards[locale].find((card) => card.id === 'help')!;

describe('compiling a card', () => {
	it('gives its front and back as HTML, under the page’s own headings', () => {
		const { content, problems } = compileWith();
		expect(errors(problems)).toEqual([]);
		const card = help(content, 'en');
		expect(card).toMatchObject({
			id: 'help',
			title: 'Who to call',
			size: 'credit-card',
			messages: ['broker-promises', 'call-1288'],
			contacts: ['hotline-1288'],
			locale: 'en'
		});
		expect(card.front).toMatch(/^<h3>Who to call<\/h3>/);
		expect(card.back).toMatch(/^<h3>Remember<\/h3>/);
	});

	it('lists its contacts with the number and name from contacts.yml', () => {
		const { content } = compileWith();
		expect(help(content, 'en').front).toContain(
			'<li><span class="card-number">1288</span> <span class="card-contact">1288 hotline</span></li>'
		);
		expect(help(content, 'km').front).toContain(
			'<span class="card-contact">ខ្សែទូរស័ព្ទ 1288</span>'
		);
	});

	it('shows its key messages in the card’s language, from key-messages.yml', () => {
		const { content } = compileWith();
		expect(help(content, 'en').back).toContain(
			"<ol class=\"card-messages\"><li>Don't trust a broker who promises you a job.</li><li>If you are in trouble, call the 1288 hotline.</li></ol>"
		);
		expect(help(content, 'km').back).toContain(
			'<li>កុំទុកចិត្តមេខ្យល់ដែលសន្យាផ្តល់ការងារឱ្យអ្នក។</li>'
		);
	});

	it('splits the messages over both sides, numbering on from where the front stopped', () => {
		const { content, problems } = compileWith(
			editCard((text) =>
				text.replace('[contacts]', '[contacts]\n\n[messages 1-1]').replace('[messages]', '[messages 2-2]')
			)
		);
		expect(errors(problems)).toEqual([]);
		const card = help(content, 'en');
		expect(card.front).toContain('<ol class="card-messages"><li>Don');
		expect(card.back).toContain('<ol class="card-messages" start="2"><li>If you are in trouble');
	});

	it('never renders raw HTML written on a card', () => {
		const { content } = compileWith(
			editCard((text) => text.replace('# Remember', '# Remember\n\n<img src=x onerror=alert(1)>'))
		);
		expect(help(content, 'en').back).not.toContain('<img');
		expect(help(content, 'en').back).toContain('&lt;img');
	});

	it('prints the English card, marked as a fallback, where the Khmer one is missing', () => {
		const { content, problems } = compileWith({ [KM]: null });
		expect(errors(problems)).toEqual([]);
		expect(help(content, 'km')).toMatchObject({ locale: 'en', fallback: true });
		expect(problems.map(formatProblem)).toEqual([
			`${EN}:1: warning: the card "help" has no km translation yet — add ${KM} with "id: help" (the app shows the English text meanwhile)`
		]);
	});
});

describe('card faults, each named with its file and line', () => {
	it('no back', () => {
		const { problems } = compileWith(editCard((text) => text.replace('--- back ---', '')));
		expect(errors(problems)).toEqual([
			`${EN}:13: the card has no back — after the front, write a line "--- back ---", then the text of the back`
		]);
	});

	it('an empty front, and an empty back', () => {
		const front = compileWith(
			editCard((text) => text.replace('# Who to call\n\n[contacts]\n', ''))
		);
		expect(errors(front.problems)).toContain(
			`${EN}:13: the front of the card is empty — write the front's text before the "--- back ---" line`
		);
		const back = compileWith(editCard((text) => text.replace(/--- back ---[\s\S]*$/, '--- back ---\n\n')));
		expect(errors(back.problems)).toContain(
			`${EN}:18: the back of the card is empty — write the back's text after the "--- back ---" line`
		);
	});

	it('a second back, and a plain "---" line', () => {
		const { problems } = compileWith(
			editCard((text) => text.replace('# Remember', '# Remember\n\n---\n\n--- back ---\n\nMore'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:22: a line "---" inside a card — write "--- back ---" where the back begins; a card has no other separators`,
			`${EN}:24: a second "--- back ---" line — a card has one front and one back: remove this line, or make another card`
		]);
	});

	it('a size that is not one of the sizes, and a missing size', () => {
		const unknown = compileWith(editCard((text) => text.replace('size: credit-card', 'size: A6')));
		expect(errors(unknown.problems)[0]).toMatch(
			new RegExp(`^${EN}:4: "size" is not valid: .* — write it like this: size: credit-card`)
		);
		const missing = compileWith(editCard((text) => text.replace('size: credit-card\n', '')));
		expect(errors(missing.problems)).toContain(
			`${EN}:2: the field "size" is missing — add it, for example: size: credit-card (the sizes are credit-card)`
		);
	});

	it('a key message or a contact that the shared lists do not have', () => {
		const { problems } = compileWith(
			editCard((text) =>
				text.replace('  - call-1288', '  - call-1299').replace('  - hotline-1288', '  - hotline')
			)
		);
		expect(errors(problems)).toEqual([
			expect.stringMatching(
				new RegExp(`^${EN}:7: "call-1299" is not in content/key-messages.yml — use one of broker-promises, `)
			),
			expect.stringMatching(
				new RegExp(`^${EN}:9: "hotline" is not in content/contacts.yml — use one of hotline-1288$`)
			)
		]);
	});

	it('messages or contacts named but never shown, and shown but never named', () => {
		const hidden = compileWith(
			editCard((text) => text.replace('[messages]', 'Nothing.').replace('[contacts]', 'None.'))
		);
		expect(errors(hidden.problems)).toEqual([
			`${EN}:5: the card names "broker-promises", "call-1288" but shows them on neither side — put a line "[messages]" (or "[messages 1-3]" and "[messages 4-6]") where they should appear`,
			`${EN}:8: the card names contacts but shows them on neither side — put a line "[contacts]" where their numbers should appear`
		]);
		const unnamed = compileWith(
			editCard((text) =>
				text.replace(/messages:\n.*\n.*\n/, '').replace(/contacts:\n.*\n/, '')
			)
		);
		expect(errors(unnamed.problems)).toEqual([
			`${EN}:11: "[contacts]" lists the card's contacts, but the card names none — list them in the front matter under "contacts:", like "- hotline-1288", or remove this line`,
			`${EN}:17: "[messages]" shows the card's key messages, but the card names none — list them in the front matter under "messages:", or remove this line`
		]);
	});

	it('messages asked for by numbers the card does not have, and a line it does not know', () => {
		const { problems } = compileWith(
			editCard((text) => text.replace('[messages]', '[messages 1-2]\n\n[messages 2-5]\n\n[contact]'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:24: "[messages 2-5]" asks for messages 2 to 5, but the card names 2 — use numbers from 1 to 2, like "[messages 1-2]"`,
			`${EN}:26: "[contact]" is not a line the card understands — write "[messages]", "[messages 1-3]" or "[contacts]" alone on the line`
		]);
	});

	it('a table column without a heading, which a screen reader could not name', () => {
		const { problems } = compileWith(
			editCard((text) =>
				text.replace('# Remember', '# Remember\n\n|   | Number |\n| - | ------ |\n| Family |   |')
			)
		);
		expect(errors(problems)).toEqual([
			`${EN}:22: a column of the table has no heading — write a heading in every cell of the first row, like "| Cost | At home | Away |"; screen readers read it out`
		]);
	});

	it('a phone number that contacts.yml does not list', () => {
		const { problems } = compileWith(
			editCard((text) => text.replace('# Remember', '# Remember\n\nOr call 097 456 518.'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:22: "097 456 518" looks like a phone number that content/contacts.yml does not list — add it to contacts.yml with the source that confirms it, or remove it: a wrong number in a safety app does harm`
		]);
	});

	it('a link to another website', () => {
		const { problems } = compileWith(
			editCard((text) => text.replace('# Remember', '# Remember\n\nSee [this](https://example.org).'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:22: the link "https://example.org" leaves the app — the app works offline and never calls other sites: write the name of the place in plain text instead`
		]);
	});

	it('a translation whose messages differ from the English card', () => {
		const { problems } = compileWith({
			[KM]: fixture(KM).replace('  - call-1288\n', '')
		});
		expect(errors(problems)).toEqual([
			`${KM}:1: messages are [broker-promises] here but [broker-promises, call-1288] in ${EN} — name the same messages, in the same order, in every language`
		]);
	});
});

describe('the example in content/README.md', () => {
	it('is a card that compiles without a fault', () => {
		const readme = readFileSync('content/README.md', 'utf8');
		const section = readme.slice(readme.indexOf('## Cards'));
		const example = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
		const { content, problems } = compileWith({ 'content/en/cards/example.md': example });
		expect(errors(problems)).toEqual([]);
		const card = content.cards.en.find((candidate) => candidate.id === 'who-to-call')!;
		expect(card.front).toContain('<span class="card-number">1288</span>');
		expect(card.back).toContain('<td></td>');
	});
});
