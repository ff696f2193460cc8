/**
 * Asks the service worker how much of the app is saved for offline use. The device is
 * ready only when a worker is active and has every file; while the first one installs, it
 * tells how far it has got. (The start page, which runs no app scripts, asks the same
 * question in a few lines of its own: src/lib/pwa/offline-progress.ts.)
 */

export type OfflineStatus =
	| { kind: 'unsupported' }
	| { kind: 'insecure' }
	| { kind: 'waiting' }
	| { kind: 'saving' | 'ready'; total: number; cached: number };

export async function readOfflineStatus(): Promise<OfflineStatus> {
	if (!window.isSecureContext) return { kind: 'insecure' };
	if (!('serviceWorker' in navigator)) return { kind: 'unsupported' };
	const registration = await navigator.serviceWorker.getRegistration();
	const active = navigator.serviceWorker.controller ?? registration?.active;
	const worker = active ?? registration?.installing ?? registration?.waiting;
	if (!worker) return { kind: 'waiting' };
	const { port1, port2 } = new MessageChannel();
	const answer = new Promise<{ total: number; cached: number } | undefined>((resolve) => {
		port1.onmessage = (event: MessageEvent<{ total: number; cached: number }>) =>
			resolve(event.data);
		// A worker whose install failed never answers; the next question goes to the next one.
		setTimeout(() => resolve(undefined), 5000);
	});
	worker.postMessage({ type: 'OFFLINE_STATUS' }, [port2]);
	const status = await answer;
	port1.close();
	if (!status) return { kind: 'waiting' };
	const { total, cached } = status;
	return { kind: active && cached >= total ? 'ready' : 'saving', total, cached };
}
