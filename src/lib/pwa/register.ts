/**
 * Registers the service worker (only in the browser, only after the page is shown) and
 * hands a waiting new version to the update prompt. The page reloads only after the user
 * chose "Reload now" and the new version has taken control, whether the worker was
 * installed by this tab or found by another one.
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
	const { registerSW } = await import('virtual:pwa-register');
	const updateSW = registerSW({
		immediate: true,
		onNeedRefresh() {
			appUpdate.offer(async () => {
				navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
				await updateSW(false);
			});
		},
		onNeedReload: reloadOnce
	});
}
