/**
 * The results area's own code (the import checks and Worker, the spreadsheet writer, the
 * key's recovery words…) is the trainer's alone, so it is not in the offline copy every
 * tablet saves. The service worker saves it on a device once the results area has been
 * opened there, and keeps it through updates (src/service-worker.ts, SAVE_TRAINER_FILES).
 */

export type TrainerFilesState = 'saving' | 'ready' | 'failed';

/** Asks the service worker to save the results area's files; `show` hears how it goes. */
export async function saveTrainerFiles(show: (state: TrainerFilesState) => void): Promise<void> {
	// Plain http has no service worker: the page that says so is the start page.
	if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
	// Resolves once a worker is active, after the app's own files are saved on a first visit.
	const worker = (await navigator.serviceWorker.ready).active;
	if (!worker) return show('failed');
	show('saving');
	const { port1, port2 } = new MessageChannel();
	const status = await new Promise<{ saved: number; total: number }>((resolve) => {
		port1.onmessage = (event: MessageEvent<{ saved: number; total: number }>) =>
			resolve(event.data);
		worker.postMessage({ type: 'SAVE_TRAINER_FILES' }, [port2]);
	});
	port1.close();
	show(status.saved >= status.total ? 'ready' : 'failed');
}
