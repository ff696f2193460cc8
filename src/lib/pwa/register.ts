/**
 * Registers the service worker (only in the browser, only after the page is shown) and
 * hands a waiting new version to the update prompt. A page reloads only once a new version
 * has taken control after someone chose "Reload now" (in this tab or another), and never
 * while it holds a student's attempt: then it reloads when the attempt is over.
 */
import { appUpdate } from './update.svelte';

export async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	let reloading = false;
	const reloadOnce = () => {
		if (reloading) return;
		reloading = true;
		window.location.reload();
	};
	// The first version taking charge of a first visit changes nothing on the page.
	let controlled = Boolean(navigator.serviceWorker.controller);
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (!controlled) controlled = true;
		else appUpdate.takeOver(reloadOnce);
	});
	const { registerSW } = await import('virtual:pwa-register');
	const updateSW = registerSW({
		immediate: true,
		onNeedRefresh() {
			appUpdate.offer(() => updateSW(false));
		},
		// Without this the plugin reloads the page itself; the listener above decides instead.
		onNeedReload() {}
	});
}
