/**
 * Serves the built app (`build/`) the way a static host does: `/sessions` is
 * `sessions.html` (and `/km/` is `km.html`), an unknown address gets `404.html` with status
 * 404, text is gzipped when the browser accepts it, hashed files are cached for a year and
 * everything else is revalidated (ETag). `npm start` uses it; so do the browser tests and the
 * benchmark, which start and stop their own copy, the benchmark also through a slow link.
 *
 *   tsx scripts/serve.ts [--port 4173] [--host [address]] [--dir build] [--slow]
 *
 * `--host` alone serves the whole network and prints the address tablets should open;
 * `--slow` serves as a weak connection does (1.6 Mbps, 150 ms), to try a first visit by hand.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8'
};

/** Fonts and images are compressed already; gzip would only cost time. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** A weak connection: one link shared by every response, and a round trip before each. */
export interface Throttle {
	kbps: number;
	rttMs: number;
}

/** The connection a teacher meets in the measurements and Lighthouse's mobile preset. */
export const SLOW_LINK: Throttle = { kbps: 1600, rttMs: 150 };

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function resolveFile(root: string, pathname: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return undefined;
	// `/km/` is the page `/km` (km.html), as static hosts that serve "pretty" addresses do.
	const candidates = decoded.endsWith('/')
		? [join(path, 'index.html'), ...(path === root ? [] : [`${path.replace(/[/\\]$/, '')}.html`])]
		: [path, `${path}.html`, join(path, 'index.html')];
	return candidates.find(isFile);
}

interface Body {
	bytes: Buffer;
	gzipped: Buffer | undefined;
	etag: string;
}

/** Each file read and compressed once, until it changes (the tests rebuild between runs). */
function bodyCache(): (file: string) => Body {
	const cache = new Map<string, Body>();
	return (file) => {
		const { mtimeMs, size } = statSync(file);
		const etag = `"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
		const cached = cache.get(file);
		if (cached?.etag === etag) return cached;
		const bytes = readFileSync(file);
		const body = {
			bytes,
			gzipped: compressible.has(extname(file)) ? gzipSync(bytes) : undefined,
			etag
		};
		cache.set(file, body);
		return body;
	};
}

/** Sends bytes through one shared link of `kbps`, as a slow connection would. */
function slowLink({ kbps }: Throttle): (response: ServerResponse, bytes: Buffer) => Promise<void> {
	let freeAt = 0;
	const chunk = 4096;
	return async (response, bytes) => {
		for (let start = 0; start < bytes.length; start += chunk) {
			const piece = bytes.subarray(start, start + chunk);
			freeAt = Math.max(freeAt, performance.now()) + (piece.length * 8) / kbps;
			await new Promise((done) => setTimeout(done, freeAt - performance.now()));
			if (response.destroyed) return;
			response.write(piece);
		}
		response.end();
	};
}

export interface RunningServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

export async function startServer(
	options: { dir?: string; port?: number; host?: string; throttle?: Throttle } = {}
): Promise<RunningServer> {
	const root = resolve(options.dir ?? 'build');
	if (!isFile(join(root, '404.html'))) {
		throw new Error(`${root} holds no built app: run "npm run build" first.`);
	}
	const read = bodyCache();
	const { throttle } = options;
	const send = throttle ? slowLink(throttle) : undefined;

	async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
		if (throttle) await new Promise((done) => setTimeout(done, throttle.rttMs));
		const url = new URL(request.url ?? '/', 'http://localhost');
		const found = resolveFile(root, url.pathname);
		const file = found ?? join(root, '404.html');
		const body = read(file);
		const immutable = url.pathname.startsWith('/_app/immutable/');
		const gzip = body.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding']));
		const headers: Record<string, string> = {
			'Content-Type': types[extname(file)] ?? 'application/octet-stream',
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'X-Content-Type-Options': 'nosniff',
			ETag: body.etag,
			...(body.gzipped ? { Vary: 'Accept-Encoding' } : {})
		};
		if (found && request.headers['if-none-match'] === body.etag) {
			response.writeHead(304, headers).end();
			return;
		}
		const bytes = gzip ? body.gzipped! : body.bytes;
		if (gzip) headers['Content-Encoding'] = 'gzip';
		headers['Content-Length'] = String(bytes.length);
		response.writeHead(found ? 200 : 404, headers);
		if (request.method === 'HEAD') response.end();
		else if (send) await send(response, bytes);
		else response.end(bytes);
	}

	const server = createServer((request, response) => {
		answer(request, response).catch((error: unknown) => {
			console.error(error);
			if (!response.headersSent) response.writeHead(500);
			response.end();
		});
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 0, host, done);
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
		server,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

/** The addresses other devices on this computer's networks can reach it at, LAN first. */
export function networkAddresses(): string[] {
	const addresses = Object.values(networkInterfaces())
		.flat()
		.filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
		.map((entry) => entry!.address);
	const local = (address: string) =>
		/^(192\.168\.|10\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address) ? 0 : 1;
	return addresses.sort((a, b) => local(a) - local(b));
}

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return undefined;
	const value = process.argv[index + 1];
	return value === undefined || value.startsWith('--') ? '' : value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const host = argument('host') ?? process.env.HOST;
	const everywhere = host === '' || host === '0.0.0.0';
	const running = await startServer({
		dir: argument('dir') || undefined,
		port: Number(argument('port') || process.env.PORT || 4173),
		host: everywhere ? '0.0.0.0' : host,
		throttle: argument('slow') === undefined ? undefined : SLOW_LINK
	});
	const { port } = running.server.address() as AddressInfo;
	const local = running.url.includes('127.0.0.1') ? `http://localhost:${port}` : running.url;
	console.log(`Safe Migration Classroom is running at ${local}`);
	if (everywhere) {
		const [address, ...others] = networkAddresses();
		if (address) {
			console.log(`Tablets on this network open: http://${address}:${port}`);
			for (const other of others)
				console.log(`  (or, on another network: http://${other}:${port})`);
			console.log(
				'Over plain http the app works while this computer serves it, but tablets cannot save it\n' +
					'for offline use, and the results they keep stay tied to this address: if the address\n' +
					'changes (a new IP address), the tablets no longer show them. See the README.'
			);
		} else {
			console.log('This computer is on no network that tablets could reach.');
		}
	}
	console.log('Press Ctrl+C to stop.');
}
