/**
 * Class labels ("Grade 8B", "ថ្នាក់ទី៨ ខ"), the one thing a teacher types. Two labels that
 * look the same must be the same text, or pre/post pairing and every per-class figure
 * silently split one class in two: Khmer keyboards insert zero-width spaces, pasted text
 * brings no-break spaces, byte order marks and bidi controls. So a label is normalised
 * where it is typed (the station) and again where it arrives (an import), and labels that
 * still only look alike (a Cyrillic "а", another case) are shown to the trainer as such.
 */

export const MAX_CLASS_LABEL_GRAPHEMES = 40;

// Characters that draw nothing: zero-width space, non-joiner and joiner, word joiner, byte
// order mark, and the two Khmer vowels Unicode deprecates because they are invisible.
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF]|\u200D|\u17B4|\u17B5/gu;
// Bidi controls (embeddings, overrides, isolates, marks): they reorder what is shown.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// Tabs and line breaks are spaces in a one-line field; the other controls are dropped.
const SPACE = /[\s\p{Zs}\u2028\u2029]+/gu;
// Other controls, format characters and lone surrogates (Cc, Cf, Cs).
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const KHMER_COENG = '\u17D2';

let segmenter: Intl.Segmenter | undefined;

function* userCharacters(text: string): Iterable<string> {
	segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
	for (const { segment } of segmenter.segment(text)) yield segment;
}

/**
 * The text as user-perceived characters. A Khmer subscript consonant is written as COENG
 * (U+17D2) + consonant, and grapheme rules before Unicode's conjunct rules (still those of
 * many a tablet's browser) end a cluster after the COENG: such a split is joined back, so
 * that cutting a label never leaves a dangling COENG. `split` is for tests.
 */
export function graphemes(text: string, split = userCharacters): string[] {
	const clusters: string[] = [];
	for (const segment of split(text)) {
		const last = clusters.length - 1;
		if (last >= 0 && clusters[last]!.endsWith(KHMER_COENG)) clusters[last] += segment;
		else clusters.push(segment);
	}
	return clusters;
}

/** The label with hidden characters dropped and spaces made one, before any cut. */
function visibleText(text: string): string {
	return text
		.replace(INVISIBLE, '')
		.replace(SPACE, ' ')
		.replace(HIDDEN, '')
		.normalize('NFC')
		.replace(SPACE, ' ')
		.trim();
}

/** One visible line, at most 40 characters: the form a label is stored, compared and shown in. */
export function normalizeClassLabel(text: string): string {
	const visible = visibleText(text);
	// No more clusters than UTF-16 units: a short label needs no segmenting.
	if (visible.length <= MAX_CLASS_LABEL_GRAPHEMES) return visible;
	const clusters = graphemes(visible);
	if (clusters.length <= MAX_CLASS_LABEL_GRAPHEMES) return visible;
	return clusters.slice(0, MAX_CLASS_LABEL_GRAPHEMES).join('').trimEnd();
}

export type ClassLabelProblem = 'empty' | 'too-long' | 'hidden-characters';

/**
 * What is wrong with a label as typed at the station, if anything. Characters that reorder
 * or hide text are refused rather than dropped, so the teacher sees what will be stored,
 * and so is a label too long to keep whole; zero-width spaces, which Khmer keyboards
 * insert by themselves, are simply dropped (`normalizeClassLabel`).
 */
export function classLabelProblem(text: string): ClassLabelProblem | undefined {
	if (BIDI.test(text) || /[\p{Cc}\p{Cs}]/u.test(text.replace(/[\t\n\r]/g, ' '))) {
		return 'hidden-characters';
	}
	const visible = visibleText(text);
	if (visible === '') return 'empty';
	if (graphemes(visible).length > MAX_CLASS_LABEL_GRAPHEMES) return 'too-long';
	return undefined;
}

// Letters of other scripts drawn like Latin ones, folded to the Latin letter (lower case:
// labels are compared without case). Small on purpose: the letters a class label could
// plausibly contain, not Unicode's whole confusables table.
const LOOK_ALIKE: Record<string, string> = {
	// Cyrillic
	а: 'a',
	в: 'b',
	е: 'e',
	ё: 'e',
	з: '3',
	і: 'i',
	ї: 'i',
	ј: 'j',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	ѕ: 's',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	ь: 'b',
	// Greek
	α: 'a',
	β: 'b',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	μ: 'u',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	ζ: 'z',
	// Khmer digits, which a teacher may type for one class and Latin digits for another
	'០': '0',
	'១': '1',
	'២': '2',
	'៣': '3',
	'៤': '4',
	'៥': '5',
	'៦': '6',
	'៧': '7',
	'៨': '8',
	'៩': '9'
};

/** What a label looks like, roughly: case, spaces, width and look-alike letters folded. */
export function labelSkeleton(label: string): string {
	let skeleton = '';
	for (const character of normalizeClassLabel(label).normalize('NFKC').toLowerCase()) {
		if (character === ' ') continue;
		skeleton += LOOK_ALIKE[character] ?? character;
	}
	return skeleton;
}

/**
 * Groups of two or more different labels that look alike ("Grade 8A", "grade 8a",
 * "Grade 8А" with a Cyrillic А), for the trainer to see flagged and decide about: they
 * are never merged automatically, since "8A" and "8a" may really be two classes.
 */
export function confusableLabels(labels: Iterable<string>): string[][] {
	const bySkeleton = new Map<string, Set<string>>();
	for (const label of labels) {
		const skeleton = labelSkeleton(label);
		let group = bySkeleton.get(skeleton);
		if (!group) bySkeleton.set(skeleton, (group = new Set()));
		group.add(label);
	}
	return [...bySkeleton.values()]
		.filter((group) => group.size > 1)
		.map((group) => [...group].sort())
		.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
