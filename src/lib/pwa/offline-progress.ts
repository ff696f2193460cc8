/**
 * The start page's word on offline use, for a page that runs none of the app's scripts: this
 * function is copied into the page as a small inline script (its source is, so it uses
 * nothing from outside itself). Where the app cannot be saved (plain http), it shows the
 * note that says so; else it asks the service worker each second how many files are saved,
 * as src/lib/pwa/status.ts does, until the device is ready.
 */
export function showOfflineProgress(status: HTMLElement): void {
	const note = document.querySelector<HTMLElement>('[data-plain-http]');
	const digits = status.dataset.digits;
	const write = (n: number) => String(n).replace(/\d/g, (digit) => digits?.[+digit] ?? digit);
	const show = (state: string, cached = 0, total = 0) => {
		status.dataset.state = state;
		status.textContent = (status.dataset[state] ?? '')
			.replace('%c', write(cached))
			.replace('%t', write(total));
		status.hidden = false;
	};
	if (!isSecureContext) {
		if (note) note.hidden = false;
		return;
	}
	if (!('serviceWorker' in navigator)) {
		show('unsupported');
		return;
	}
	const check = async () => {
		// Stops once the page has moved on (the app's own navigation removes the element).
		if (!status.isConnected) return;
		const registration = await navigator.serviceWorker.getRegistration();
		const active = navigator.serviceWorker.controller ?? registration?.active;
		const worker = active ?? registration?.installing ?? registration?.waiting;
		// Until the worker is registered (when the page has loaded), there is nothing to say.
		if (!worker) return setTimeout(check, 1000);
		const { port1, port2 } = new MessageChannel();
		port1.onmessage = ({ data }: MessageEvent<{ cached: number; total: number }>) => {
			port1.close();
			if (active && data.cached >= data.total) return show('ready', data.cached, data.total);
			show('saving', data.cached, data.total);
			setTimeout(check, 1000);
		};
		worker.postMessage({ type: 'OFFLINE_STATUS' }, [port2]);
	};
	void check();
}

/** The inline script that runs it on the element just before it, as HTML for the page. */
export const offlineProgressScript = `<script>(${showOfflineProgress.toString()})(document.currentScript.previousElementSibling)</script>`;
