/**
 * A QR code as SVG, for the station link and the recovery sheet, on screen and on paper.
 * Error correction M (15%) survives a creased or smudged print. The code is one <path> of
 * dark runs over a white square with the standard four-module quiet zone, in fixed black on
 * white so a dark page theme cannot invert it. The encoded text never enters the markup;
 * only the title does, escaped.
 */
import { encode } from 'uqr';

const QUIET_ZONE = 4;

// Control characters are not allowed in XML at all; they are dropped from the title.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

function escapeXml(text: string): string {
	return text.replace(NOT_IN_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export function qrSvg(text: string, title: string): string {
	const { data } = encode(text, { ecc: 'M', border: QUIET_ZONE });
	const size = data.length;
	let path = '';
	data.forEach((row, y) => {
		for (let x = 0; x < size; x++) {
			if (!row[x]) continue;
			let end = x;
			while (row[end + 1]) end++;
			path += `M${x} ${y}h${end - x + 1}v1h${x - end - 1}z`;
			x = end;
		}
	});
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" shape-rendering="crispEdges">` +
		`<title>${escapeXml(title)}</title>` +
		`<rect width="${size}" height="${size}" fill="#fff"/>` +
		`<path fill="#000" d="${path}"/>` +
		`</svg>`
	);
}
