import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '$lib/crypto/hpke';
import { qrSvg } from '$lib/crypto/qr';
import { recoveryWords } from '$lib/crypto/recovery';
import { stationKeyFragment } from '$lib/crypto/station-link';

const PIXELS_PER_MODULE = 4;

/**
 * Draws the SVG the way a screen would, from its markup alone: a white square, then each
 * "M x y h w v1 h -w z" run of the path in black, as RGBA pixels.
 */
function rasterize(svg: string) {
	const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
	const width = size * PIXELS_PER_MODULE;
	const data = new Uint8ClampedArray(width * width * 4).fill(255);
	const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)![1]!;
	const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
	expect(runs.map((run) => run[0]).join('')).toBe(d);
	for (const [, x, y, w] of runs) {
		for (let row = 0; row < PIXELS_PER_MODULE; row++) {
			for (let column = 0; column < Number(w) * PIXELS_PER_MODULE; column++) {
				const px = Number(x) * PIXELS_PER_MODULE + column;
				const py = Number(y) * PIXELS_PER_MODULE + row;
				data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
			}
		}
	}
	return { width, height: width, data };
}

/** What a phone's reader would make of the picture (jsQR, as many web readers use). */
function decodeQR({ width, height, data }: ReturnType<typeof rasterize>): string | undefined {
	return jsQR(data, width, height)?.data;
}

describe('QR codes as SVG', () => {
	it('decodes back to the station link it was made from', async () => {
		const { publicKey } = await generateKeyPair();
		const link = `http://192.168.1.20:4173/quiz#${stationKeyFragment(publicKey)}`;
		expect(decodeQR(rasterize(qrSvg(link, 'Station link')))).toBe(link);
	});

	it('decodes back to the 24 recovery words', async () => {
		const words = recoveryWords((await generateKeyPair()).privateKey).join(' ');
		expect(decodeQR(rasterize(qrSvg(words, 'Recovery words')))).toBe(words);
	});

	it('is one complete svg with a viewBox, one white square, one path and the title', () => {
		const text = 'station-key=abc';
		const svg = qrSvg(text, 'Station link');
		const { size } = encode(text, { ecc: 'M', border: 4 });
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
		expect(svg.match(/<svg/g)).toHaveLength(1);
		expect(svg.match(/<path/g)).toHaveLength(1);
		expect(svg.match(/<rect/g)).toHaveLength(1);
		expect(svg).toContain('<title>Station link</title>');
	});

	it('keeps a four-module quiet zone around the code, as the QR standard asks', () => {
		const svg = qrSvg('station-key=abc', 'x');
		const size = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
		for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
			expect(Number(x)).toBeGreaterThanOrEqual(4);
			expect(Number(y)).toBeGreaterThanOrEqual(4);
			expect(Number(x) + Number(w)).toBeLessThanOrEqual(size - 4);
			expect(Number(y)).toBeLessThan(size - 4);
		}
	});

	it('uses error correction M: the same size as uqr gives for M, larger than for L', () => {
		const text = `https://classroom.example/quiz#${'station-key='.padEnd(60, 'A')}`;
		const svg = qrSvg(text, 'x');
		const size = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
		expect(size).toBe(encode(text, { ecc: 'M', border: 4 }).size);
		expect(size).toBeGreaterThan(encode(text, { ecc: 'L', border: 4 }).size);
	});

	it('escapes the title and never puts the encoded text into the markup', () => {
		const svg = qrSvg('</title><script>alert(1)</script>', '</title><script>alert(1)</script>&"\'');
		expect(svg).not.toContain('<script');
		expect(svg).not.toContain('alert(1)</');
		expect(svg).toContain(
			'<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;</title>'
		);
		expect(svg.match(/<title>/g)).toHaveLength(1);
		const secret = qrSvg('station-key=SECRET-LOOKING-TEXT', 'Station link');
		expect(secret).not.toContain('SECRET');
	});

	it('drops control characters, which XML does not allow, from the title', () => {
		expect(qrSvg('x', 'a\u0000b\u0007c\u001bd\te')).toContain('<title>abcd\te</title>');
	});
});
