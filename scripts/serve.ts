/**
 * Serves the built app (`build/`) the way a static host does: `/sessions` is
 * `sessions.html`, an unknown address gets `404.html` with status 404, hashed files are
 * cached for a year and everything else is revalidated. `npm start` uses it; so do the
 * browser tests and the benchmark, which start and stop their own copy.
 *
 *   tsx scripts/serve.ts [--port 4173] [--host 127.0.0.1] [--dir build]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

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
	const candidates = decoded.endsWith('/')
		? [join(path, 'index.html')]
		: [path, `${path}.html`, join(path, 'index.html')];
	return candidates.find(isFile);
}

export interface RunningServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

export async function startServer(
	options: { dir?: string; port?: number; host?: string } = {}
): Promise<RunningServer> {
	const root = resolve(options.dir ?? 'build');
	if (!isFile(join(root, '404.html'))) {
		throw new Error(`${root} holds no built app: run "npm run build" first.`);
	}
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const found = resolveFile(root, url.pathname);
		const file = found ?? join(root, '404.html');
		const immutable = url.pathname.startsWith('/_app/immutable/');
		response.writeHead(found ? 200 : 404, {
			'Content-Type': types[extname(file)] ?? 'application/octet-stream',
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'X-Content-Type-Options': 'nosniff'
		});
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		createReadStream(file).pipe(response);
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

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const running = await startServer({
		dir: argument('dir'),
		port: Number(argument('port') ?? process.env.PORT ?? 4173),
		host: argument('host') ?? process.env.HOST
	});
	const { port } = running.server.address() as AddressInfo;
	const local = running.url.includes('127.0.0.1') ? `http://localhost:${port}` : running.url;
	console.log(`Safe Migration Classroom is running at ${local}`);
	console.log('Press Ctrl+C to stop.');
}
