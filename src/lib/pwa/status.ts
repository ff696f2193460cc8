/** Asks the service worker how much of the app is saved for offline use. */

export type OfflineStatus =
	| { kind: 'unsupported' }
	| { kind: 'insecure' }
	| { kind: 'waiting' }
	| { kind: 'saving' | 'ready'; total: number; cached: number };

export async function readOfflineStatus(): Promise<OfflineStatus> {
	if (!window.isSecureContext) return { kind: 'insecure' };
	if (!('serviceWorker' in navigator)) return { kind: 'unsupported' };
	const registration = await navigator.serviceWorker.getRegistration();
	const worker = navigator.serviceWorker.controller ?? registration?.active;
	if (!worker) return { kind: 'waiting' };
	const { port1, port2 } = new MessageChannel();
	const answer = new Promise<{ total: number; cached: number }>((resolve) => {
		port1.onmessage = (event: MessageEvent<{ total: number; cached: number }>) =>
			resolve(event.data);
	});
	worker.postMessage({ type: 'OFFLINE_STATUS' }, [port2]);
	const { total, cached } = await answer;
	port1.close();
	return { kind: cached >= total ? 'ready' : 'saving', total, cached };
}
