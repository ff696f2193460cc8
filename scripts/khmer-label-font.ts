/**
 * `npx tsx scripts/khmer-label-font.ts`: writes src/lib/fonts/khmer-label-{400,700}.css, the
 * word "ខ្មែរ" (the Khmer entry of language pickers) in Noto Sans Khmer cut down to that word's
 * glyphs and shaping rules, inlined, so an English page draws it without fetching a Khmer
 * font. Run again when @fontsource/noto-sans-khmer or the word (language.km) changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';

const fontsource = 'node_modules/@fontsource/noto-sans-khmer';
const out = 'src/lib/fonts';

const word = (locale: string): string =>
	JSON.parse(readFileSync(`src/lib/i18n/${locale}.json`, 'utf8')).language.km;
const text = [...new Set([...word('en'), ...word('km')])].join('');

for (const weight of [400, 700]) {
	const font = await subsetFont(
		readFileSync(`${fontsource}/files/noto-sans-khmer-khmer-${weight}-normal.woff2`),
		text,
		// The licence's description and address (name IDs 13, 14) stay in the font itself.
		{ targetFormat: 'woff2', preserveNameIds: [13, 14] }
	);
	writeFileSync(
		`${out}/khmer-label-${weight}.css`,
		`/* Made by scripts/khmer-label-font.ts; do not edit. Noto Sans Khmer ${weight}, only "${text}":
   SIL Open Font License 1.1, see OFL.txt beside this file. */
@font-face {
\tfont-family: 'Khmer Label';
\tfont-style: normal;
\tfont-weight: ${weight};
\tsrc: url(data:font/woff2;base64,${font.toString('base64')})
\t\tformat('woff2');
}
`
	);
	console.log(`${out}/khmer-label-${weight}.css: ${font.length} bytes of font`);
}
writeFileSync(`${out}/OFL.txt`, readFileSync(`${fontsource}/LICENSE`));
