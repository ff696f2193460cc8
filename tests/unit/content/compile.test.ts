import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/content/problems';
import { compileWith as compileWithBase, errors, fixtureSet } from './fixtures';

const EN = 'content/en/lessons/moving.md';
const KM = 'content/km/lessons/moving.md';
const base = fixtureSet();
const compileWith = (changes: Record<string, string | null> = {}) => compileWithBase(base, changes);
const fixture = (path: string) => base.get(path)!;

/** The English fixture lesson with one edit applied. */
function editLesson(edit: (text: string) => string): Record<string, string> {
	return { [EN]: edit(fixture(EN)) };
}

describe('compiling content', () => {
	it('turns a valid lesson into slides, parts, notes and questions', () => {
		const { content, problems } = compileWith();
		expect(errors(problems)).toEqual([]);
		const [lesson] = content.lessons.en;
		expect(lesson).toMatchObject({ id: 'moving', session: 1, minutes: 20, locale: 'en' });
		expect(lesson!.parts).toEqual([
			{ title: 'Warm-up', minutes: 5, activity: false, firstSlide: 0 },
			{ title: 'Push and pull', minutes: 10, activity: false, firstSlide: 1 },
			{ title: 'Sort the reasons', minutes: 5, activity: true, firstSlide: 2 }
		]);
		expect(lesson!.slides.map((slide) => slide.title)).toEqual([
			'Who works far away?',
			'Push factors',
			'Push or pull?'
		]);
		expect(lesson!.slides[0]).toMatchObject({
			html: '<p>Think of someone who works in another place.</p>',
			notesHtml: '<p>Take three answers.</p>',
			questions: ['Where did they go?'],
			part: 0
		});
		expect(lesson!.sources).toEqual([{ id: 'boell-2015', where: '5.2 push and pull factors' }]);
		expect(lesson!.version).toMatch(/^[0-9a-f]{12}$/);
	});

	it('gives Khmer readers the Khmer lesson, marked as a draft', () => {
		const { content } = compileWith();
		expect(content.lessons.km[0]).toMatchObject({
			title: 'ហេតុអ្វីមនុស្សធ្វើចំណាកស្រុក',
			locale: 'km',
			translation: 'draft',
			fallback: false
		});
	});

	it('shows the English lesson, marked as a fallback, where the Khmer one is missing', () => {
		const { content, problems } = compileWith({ [KM]: null });
		expect(errors(problems)).toEqual([]);
		expect(content.lessons.km[0]).toMatchObject({ locale: 'en', fallback: true, id: 'moving' });
		expect(problems.map(formatProblem)).toEqual([
			`${EN}:1: warning: the lesson "moving" has no km translation yet — add ${KM} with "id: moving" (the app shows the English text meanwhile)`
		]);
	});

	it('never renders raw HTML written in content', () => {
		const { content } = compileWith(
			editLesson((text) => text.replace('Not enough work at home', '<script>alert(1)</script>'))
		);
		const html = content.lessons.en[0]!.slides[1]!.html;
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
	});
});

describe('content faults, each named with its file and line', () => {
	it('a missing title', () => {
		const { problems } = compileWith(editLesson((text) => text.replace('title: Why people move\n', '')));
		expect(errors(problems)).toEqual([
			`${EN}:2: the field "title" is missing — add it, for example: title: "Six key messages for safe migration"`
		]);
	});

	it('an unknown front-matter field, with the field the author probably meant', () => {
		const { problems } = compileWith(editLesson((text) => text.replace('summary:', 'sumary:')));
		expect(errors(problems)).toContain(
			`${EN}:6: unknown field "sumary" — did you mean "summary"? Rename it, or remove it`
		);
	});

	it('an id used twice', () => {
		const { problems } = compileWith({
			'content/en/lessons/moving-again.md': fixture(EN).replace('session: 1', 'session: 2')
		});
		expect(errors(problems)).toContain(
			`${EN}:1: the id "moving" is already used by content/en/lessons/moving-again.md — give each file its own id`
		);
	});

	it('an empty slide', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('---\n\nPart: Push', '---\n\n---\n\nPart: Push'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:24: slide 2 is empty — write its heading and text, or remove the extra "---" line`
		]);
	});

	it('a source that is not in sources.yml', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('- boell-2015: 5.2', '- boell: 5.2'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:10: "boell" is not a known source — use one of care-smart, boell-2015, or add it to content/sources.yml`
		]);
	});

	it('no front matter at all', () => {
		const { problems } = compileWith({ [EN]: '# Just a heading\n' });
		expect(errors(problems)).toContain(
			`${EN}:1: the file does not start with front matter — make the first line "---", then the fields (id, title, …), then another "---"`
		);
	});

	it('front matter that is not valid YAML', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('summary: Push and pull factors.', 'summary: [unclosed'))
		);
		expect(errors(problems)[0]).toMatch(new RegExp(`^${EN}:\\d+: the YAML cannot be read`));
	});

	it('an unclosed quote, on the line that opens it, with the fix that matches', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('summary: Push and pull factors.', 'summary: "Push and pull factors.'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:6: the quote opened on this line is never closed — close the quote: add " at the end of the text`
		]);
		const single = compileWith(editLesson((text) => text.replace('title: Why people move', "title: 'Why people move")));
		expect(errors(single.problems)).toEqual([
			`${EN}:3: the quote opened on this line is never closed — close the quote: add ' at the end of the text`
		]);
	});

	it('a broken English story choice, once: not again in the untouched translation', () => {
		const english = readFileSync('tests/fixtures/stories/valid.md', 'utf8');
		const khmer = english.replace('sources:', 'translation: draft\nsources:');
		const story = { 'content/en/stories/offer.md': english, 'content/km/stories/offer.md': khmer };
		expect(errors(compileWith(story).problems)).toEqual([]);
		const { problems } = compileWith({
			...story,
			'content/en/stories/offer.md': english.replace('wait → home', 'wait → hom')
		});
		expect(errors(problems)).toEqual([
			'content/en/stories/offer.md:29: the choice leads to "hom", which is not a passage of this story — did you mean "home"? Write the id of an existing passage after the arrow'
		]);
	});

	it('a field of the wrong kind', () => {
		const { problems } = compileWith(editLesson((text) => text.replace('session: 1', 'session: one')));
		expect(errors(problems)[0]).toMatch(
			new RegExp(`^${EN}:4: "session" is not valid: .* — write it like this: session: 2$`)
		);
	});

	it('minutes that the parts do not add up to', () => {
		const { problems } = compileWith(editLesson((text) => text.replace('minutes: 20', 'minutes: 45')));
		expect(errors(problems)).toContain(
			`${EN}:5: minutes is 45 but the parts add up to 20 — change "minutes" or the "(N min)" of the parts so that they agree`
		);
	});

	it('a part without its minutes', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('Part: Warm-up (5 min)', 'Part: Warm-up'))
		);
		expect(errors(problems)).toContain(
			`${EN}:13: the part line does not give its minutes — write it as "Part: Warm-up (5 min)"`
		);
	});

	it('a slide that does not start with a heading, and one with two', () => {
		const { problems } = compileWith(
			editLesson((text) =>
				text.replace('# Push factors', 'Push factors').replace('# Push or pull?', '# Push\n\n## Pull')
			)
		);
		expect(errors(problems)).toEqual([
			`${EN}:27: slide 2 does not start with a heading — begin the slide with a line like "# Why people move"`,
			`${EN}:38: slide 3 has a second heading — a slide has one heading: split it into two slides with a "---" line`
		]);
	});

	it('a link to another website', () => {
		const { problems } = compileWith(
			editLesson((text) => text.replace('Sort the cards.', 'See [this](https://example.org).'))
		);
		expect(errors(problems)[0]).toMatch(
			new RegExp(`^${EN}:\\d+: the link "https://example.org" leaves the app — `)
		);
	});

	it('a phone number that contacts.yml does not list, in Western or Khmer digits', () => {
		const { problems } = compileWith(
			editLesson((text) =>
				text.replace('call 1288.', 'call 097 456 518 or ០២៣ ៧២៧ ១៥២, or +855 23 99 79 19.')
			)
		);
		expect(errors(problems)).toEqual([
			`${EN}:38: "097 456 518" looks like a phone number that content/contacts.yml does not list — add it to contacts.yml with the source that confirms it, or remove it: a wrong number in a safety app does harm`,
			`${EN}:38: "023 727 152" looks like a phone number that content/contacts.yml does not list — add it to contacts.yml with the source that confirms it, or remove it: a wrong number in a safety app does harm`,
			`${EN}:38: "+855 23 99 79 19" looks like a phone number that content/contacts.yml does not list — add it to contacts.yml with the source that confirms it, or remove it: a wrong number in a safety app does harm`
		]);
	});

	it('a translation with no English original', () => {
		const { problems } = compileWith({ [EN]: null });
		expect(errors(problems)).toEqual([
			`${KM}:1: this lesson "moving" has no English original — add ${EN} with the same id, or correct the id`
		]);
	});

	it('a translation that does not say it is a draft', () => {
		const { problems } = compileWith({ [KM]: fixture(KM).replace('translation: draft\n', '') });
		expect(errors(problems)).toEqual([
			`${KM}:2: a translation must say whether a native speaker has reviewed it — add "translation: draft" (or "translation: reviewed" once it has been checked)`
		]);
	});

	it('a translation whose session number differs from the English one', () => {
		const { problems } = compileWith({ [KM]: fixture(KM).replace('session: 1', 'session: 3') });
		expect(errors(problems)).toEqual([
			`${KM}:1: session is 3 here but 1 in ${EN} — make session the same in every language`
		]);
	});

	it('two lessons with the same session number', () => {
		const { problems } = compileWith({
			'content/en/lessons/other.md': fixture(EN).replace('id: moving', 'id: other')
		});
		expect(errors(problems)).toContain(
			`content/en/lessons/other.md:1: session 1 is also ${EN} — give each lesson its own session number`
		);
	});

	it('a file in a folder that is not a language or not a kind of content', () => {
		const { problems } = compileWith({
			'content/fr/lessons/moving.md': fixture(EN),
			'content/en/lesson/moving.md': fixture(EN)
		});
		expect(errors(problems)).toEqual([
			'content/en/lesson/moving.md:1: "lesson" is not a kind of content — did you mean content/en/lessons/? Move the file there',
			'content/fr/lessons/moving.md:1: "fr" is not a language of the app — put the file under content/en/ or content/km/'
		]);
	});

	it('a contact without a source', () => {
		const { problems } = compileWith({
			'content/contacts.yml': fixture('content/contacts.yml').replace(/ {2}source: .*\n/, '')
		});
		expect(errors(problems)[0]).toMatch(
			/^content\/contacts.yml:4: the field "source" is missing — add it, for example: source: /
		);
	});
});

describe('key messages', () => {
	it('are read with their text in both languages and their source', () => {
		const { content, problems } = compileWith();
		expect(errors(problems)).toEqual([]);
		expect(content.messages.find((message) => message.id === 'call-1288')).toEqual({
			id: 'call-1288',
			text: {
				en: 'If you are in trouble, call the 1288 hotline.',
				km: 'ប្រសិនបើអ្នកមានបញ្ហា សូមហៅទូរស័ព្ទទៅលេខ 1288។'
			},
			source: { id: 'care-smart', where: 'six key messages' }
		});
	});

	it('must each carry a Khmer text and a known source', () => {
		const { problems } = compileWith({
			'content/key-messages.yml': 'call-1288:\n  en: Call 1288.\n  source: care\n'
		});
		expect(errors(problems)).toEqual([
			'content/key-messages.yml:1: the field "km" is missing — add it, for example: km: "…"'
		]);
	});
});

describe('guides', () => {
	const guide = (body: string) =>
		`---\nid: teachers-guide\ntitle: Teacher's guide\nsummary: How to run a session.\nsources:\n  - care-smart\n---\n${body}`;
	const GUIDE = 'content/en/guides/teachers-guide.md';

	it('are rendered from Markdown, sections and all', () => {
		const { content, problems } = compileWith({ [GUIDE]: guide('\n## Before class\n\nRead the lesson.\n') });
		expect(errors(problems)).toEqual([]);
		expect(content.guides.en[0]).toMatchObject({
			title: "Teacher's guide",
			html: '<h2>Before class</h2>\n<p>Read the lesson.</p>'
		});
	});

	it('are written as the example in content/README.md shows', () => {
		const readme = readFileSync('content/README.md', 'utf8');
		const section = readme.slice(readme.indexOf('## Guides'));
		const example = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
		const { content, problems } = compileWith({ [GUIDE]: example });
		expect(errors(problems)).toEqual([]);
		expect(content.guides.en[0]!.html).toContain('<h2>Running a session</h2>');
	});

	it('refuse a second top heading, and an empty text', () => {
		expect(errors(compileWith({ [GUIDE]: guide('\n# Before class\n') }).problems)).toEqual([
			`${GUIDE}:9: a guide has one top heading, its title — start sections with "## " instead of "# "`
		]);
		expect(errors(compileWith({ [GUIDE]: guide('\n') }).problems)).toEqual([
			`${GUIDE}:8: the guide has no text — write it below the front matter`
		]);
	});
});
