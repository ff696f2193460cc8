import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContent } from '$lib/content/compile';
import { formatProblem, type Problem } from '$lib/content/problems';
import { readContentFiles } from '$lib/content/read-files';

const EN = 'content/en/stories/offer.md';
const KM = 'content/km/stories/offer.md';

const story = (name: string) => readFileSync(`tests/fixtures/stories/${name}.md`, 'utf8');

/** The shared fixture content (sources, contacts, key messages, a lesson) with these stories added. */
function compileStories(stories: Record<string, string>) {
	const files = readContentFiles('tests/fixtures').concat(
		Object.entries(stories).map(([path, text]) => ({ path, text }))
	);
	return compileContent(files);
}

const errors = (problems: Problem[]) =>
	problems.filter((problem) => problem.severity === 'error').map(formatProblem);
const warnings = (problems: Problem[]) =>
	problems.filter((problem) => problem.severity === 'warning').map(formatProblem);

/** The valid English fixture as its own Khmer draft, so no "not translated" warning appears. */
const withDraft = (text: string) => ({
	[EN]: text,
	[KM]: story('valid').replace('title: The offer', 'title: The offer\ntranslation: draft')
});

/** Only the English file: faults are checked in each language on its own. */
const english = (text: string) => ({ [EN]: text });

describe('compiling a story', () => {
	it('turns passages into text, choices with their rules, and endings with their lessons', () => {
		const { content, problems } = compileStories(withDraft(story('valid')));
		expect(errors(problems)).toEqual([]);
		expect(warnings(problems)).toEqual([]);
		const [offer] = content.stories.en;
		expect(offer).toMatchObject({
			id: 'offer',
			start: 'offer',
			state: { kept_id_card: true, warnings: 0 },
			introHtml: '<p>A story made for the tests, <strong>not</strong> for class.</p>'
		});
		expect(offer!.passages.map((passage) => passage.id)).toEqual([
			'offer',
			'chief',
			'border',
			'home',
			'stuck'
		]);
		expect(offer!.passages[0]!.choices).toEqual([
			{
				label: 'Ask the village chief',
				target: 'chief',
				when: [],
				effects: [{ name: 'warnings', kind: 'counter', change: 'add', value: 1 }],
				line: 19
			},
			{
				label: 'Hand the broker her ID card',
				target: 'border',
				when: [],
				effects: [{ name: 'kept_id_card', kind: 'flag', value: false }],
				line: 21
			},
			{ label: 'Go to the border with her ID card', target: 'border', when: [], effects: [], line: 23 }
		]);
		expect(offer!.passages[2]!.choices[0]!.when).toEqual([
			{ name: 'kept_id_card', kind: 'flag', value: true },
			{ name: 'warnings', kind: 'counter', compare: '>=', value: 0 }
		]);
		expect(offer!.passages[4]).toMatchObject({
			title: 'Stuck',
			html: '<p>Dara cannot leave the job.</p>',
			choices: [],
			ending: {
				kind: 'unsafe',
				debriefHtml: '<p>Dara had no papers and no one to call.</p>',
				messages: ['call-1288', 'broker-promises'],
				help: ['hotline-1288']
			}
		});
	});

	it('shows the English story, marked as a fallback, where the Khmer one is missing', () => {
		const { content, problems } = compileStories({ [EN]: story('valid') });
		expect(content.stories.km[0]).toMatchObject({ id: 'offer', locale: 'en', fallback: true });
		expect(warnings(problems)).toEqual([
			`${EN}:1: warning: the story "offer" has no km translation yet — add ${KM} with "id: offer" (the app shows the English text meanwhile)`
		]);
	});
});

describe('story graph faults, each named with its file and line', () => {
	it('a choice that leads to a passage that does not exist', () => {
		const { problems } = compileStories(english(story('broken-link')));
		expect(errors(problems)).toEqual([
			`${EN}:29: the choice leads to "hom", which is not a passage of this story — did you mean "home"? Write the id of an existing passage after the arrow`
		]);
	});

	it('a passage that cannot be reached from the start', () => {
		const { problems } = compileStories(english(story('unreachable')));
		expect(errors(problems)).toEqual([
			`${EN}:39: the passage "lost" cannot be reached from the start ("offer"): no choice leads to it — add a choice "- … → lost" to a passage readers reach, or remove this passage`
		]);
	});

	it('a dead end: a passage with no choices that is not an ending', () => {
		const { problems } = compileStories(english(story('dead-end')));
		expect(errors(problems)).toEqual([
			`${EN}:25: the passage "chief" has no choices and is not an ending: readers would be stuck here — add choices ("- What they do → passage-id"), or end the story here with "Ending: safe", "Ending: unsafe" or "Ending: mixed" and a "Debrief:"`
		]);
	});

	it('an ending without a debrief', () => {
		const { problems } = compileStories(english(story('no-debrief')));
		expect(errors(problems)).toEqual([
			`${EN}:43: the ending "home" has no debrief — add a "Debrief:" line after "Ending:", then what went right or wrong and which key messages applied`
		]);
	});

	it('an unsafe ending that shows no help', () => {
		const { problems } = compileStories(english(story('unsafe-without-help')));
		expect(errors(problems)).toEqual([
			`${EN}:55: the unsafe ending "stuck" shows no help — add a line "Help: " with the contacts to show, from content/contacts.yml (for example "Help: hotline-1288"); every ending shows where to get help`
		]);
	});

	it('a safe ending that shows no help, refused like any other: help is at every ending', () => {
		const { problems } = compileStories(
			english(story('valid').replace('Messages: check-with-authorities\n\nHelp: hotline-1288\n', 'Messages: check-with-authorities\n'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:43: the safe ending "home" shows no help — add a line "Help: " with the contacts to show, from content/contacts.yml (for example "Help: hotline-1288"); every ending shows where to get help`
		]);
	});

	it('a condition on a flag the story never declared', () => {
		const { problems } = compileStories(english(story('undeclared-flag')));
		expect(errors(problems)).toEqual([
			`${EN}:36: "kept_passport" is not a flag or counter of this story — declare it in the front matter under "state:" ("kept_passport: false" for a flag, "kept_passport: 0" for a counter)`
		]);
	});

	it('a start that is not a passage', () => {
		const { problems } = compileStories(english(story('valid').replace('start: offer', 'start: ofer')));
		expect(errors(problems)).toEqual([
			`${EN}:5: the story starts at "ofer", which is not one of its passages — did you mean "offer"?`
		]);
	});

	it('a place where conditions hide every choice', () => {
		const { problems } = compileStories(
			english(story('valid').replace('- Cross anyway → stuck', '- Cross anyway → stuck\n  if: kept_id_card'))
		);
		expect(errors(problems)).toEqual([
			`${EN}:31: a reader can be stuck at the passage "border": with kept_id_card off, warnings 0, none of its choices is shown — add a choice without "if:", or one whose condition holds in that case`
		]);
	});

	it('a loop with no way out, and passages that conditions make unreachable', () => {
		const text = story('valid')
			.replace('set: warnings + 1', 'set: warnings = 1')
			.replace('- Go home and wait → home', '- Go home and wait → home\n  if: warnings > 5\n- Think again → offer')
			.replace('- Turn back → home\n  if: kept_id_card and warnings >= 0', '- Turn back → home\n  if: warnings > 5')
			.replace('- Cross anyway → stuck', '- Cross anyway → stuck\n  if: warnings > 5\n- Think again → offer');
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([
			`${EN}:15: from the passage "offer", with kept_id_card on, warnings 0, no ending can be reached: the choices shown go round in a loop — add a way out of the loop towards an ending, or change the "if:" conditions`,
			`${EN}:25: from the passage "chief", with kept_id_card on, warnings 1, no ending can be reached: the choices shown go round in a loop — add a way out of the loop towards an ending, or change the "if:" conditions`,
			`${EN}:33: from the passage "border", with kept_id_card off, warnings 0, no ending can be reached: the choices shown go round in a loop — add a way out of the loop towards an ending, or change the "if:" conditions`,
			`${EN}:43: no reader can reach the passage "home": the "if:" conditions on the choices that lead to it never hold when a reader gets there — change those conditions, or the "set:" of the choices before them`,
			`${EN}:55: no reader can reach the passage "stuck": the "if:" conditions on the choices that lead to it never hold when a reader gets there — change those conditions, or the "set:" of the choices before them`
		]);
	});

	it('counters that grow without end are only checked as links, with a warning', () => {
		const text = story('valid').replace('- Go home and wait → home', '- Go home and wait → home\n- Think again → offer');
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([]);
		expect(warnings(problems)).toContain(
			`${EN}:6: warning: the flags and counters make more than 20000 different situations, too many to play through every one: only the links between passages were checked — keep counters within a small range, for example by not adding to a counter on a choice that can be taken again and again`
		);
	});

	it('a condition or change that cannot be read, or uses a flag as a counter', () => {
		const text = story('valid')
			.replace('set: warnings + 1', 'set: warnings plus one')
			.replace('if: kept_id_card and warnings >= 0', 'if: kept_id_card > 1');
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([
			`${EN}:20: the change "warnings plus one" cannot be read — write a flag to turn on ("kept_id_card") or off ("not kept_id_card"), or a counter and an amount ("debt + 150", "debt - 50", "debt = 0"), separated by commas`,
			`${EN}:36: "kept_id_card" is a flag, not a counter — write "kept_id_card" (on) or "not kept_id_card" (off)`
		]);
	});

	it('an ending of an unknown kind, a key message and a contact that do not exist', () => {
		const text = story('valid')
			.replace('Ending: safe', 'Ending: happy')
			.replace('Messages: call-1288, broker-promises', 'Messages: call-1289, broker-promises')
			.replaceAll('Help: hotline-1288', 'Help: police');
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([
			`${EN}:43: "happy" is not a kind of ending — write "Ending: safe", "Ending: unsafe" or "Ending: mixed"`,
			`${EN}:49: "police" is not a contact in content/contacts.yml — use one of hotline-1288, or add it to content/contacts.yml`,
			`${EN}:60: "call-1289" is not a key message in content/key-messages.yml — did you mean "call-1288"?`,
			`${EN}:62: "police" is not a contact in content/contacts.yml — use one of hotline-1288, or add it to content/contacts.yml`
		]);
	});

	it('text after the choices, and a choice without a target', () => {
		const text = story('valid').replace(
			'- Go home and wait → home',
			'- Go home and wait → home\n- Run away\n\nShe thinks.'
		);
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([
			`${EN}:30: this list item among the choices has no arrow to a passage — write it as "- What they do → passage-id", or move it above the choices`,
			`${EN}:32: text after the choices — move it above the choices: they come last in a passage`
		]);
	});

	it('a passage id used twice, and one without a title', () => {
		const text = story('valid').replace('## chief: The village chief', '## border').replace(
			'- Ask the village chief → chief',
			'- Ask the village chief → border'
		);
		const { problems } = compileStories(english(text));
		expect(errors(problems)).toEqual([
			`${EN}:25: the passage "border" has no title — write a short title after its id: "## border: What happens here" (the story map shows it)`,
			`${EN}:31: the passage id "border" is also used on line 25 — give each passage its own id`,
			// The second "border" is left out, so the passage only it led to is now out of reach.
			`${EN}:51: the passage "stuck" cannot be reached from the start ("offer"): no choice leads to it — add a choice "- … → stuck" to a passage readers reach, or remove this passage`
		]);
	});

	it('a translation whose choices lead elsewhere than the English ones', () => {
		const { problems } = compileStories({
			[EN]: story('valid'),
			[KM]: story('valid')
				.replace('title: The offer', 'title: The offer\ntranslation: draft')
				.replace('- Turn back → home', '- Turn back → stuck')
		});
		expect(errors(problems)).toEqual([
			`${KM}:32: the choices of "border" lead to stuck, stuck here but to home, stuck in ${EN}, or their "if:"/"set:" lines differ — keep the same choices in the same order, with the same "if:" and "set:" lines, in every language`
		]);
	});
});

describe('the story format as content/README.md teaches it', () => {
	it('compiles its complete example with no problem but the missing translation', () => {
		const readme = readFileSync('content/README.md', 'utf8');
		const start = readme.indexOf('```markdown\n---\nid: offer');
		const example = readme.slice(start + '```markdown\n'.length, readme.indexOf('```\n', start + 12));
		const { content, problems } = compileStories(english(example));
		expect(errors(problems)).toEqual([]);
		expect(warnings(problems)).toEqual([
			`${EN}:1: warning: the story "offer" has no km translation yet — add ${KM} with "id: offer" (the app shows the English text meanwhile)`
		]);
		expect(content.stories.en[0]!.passages).toHaveLength(5);
	});
});
