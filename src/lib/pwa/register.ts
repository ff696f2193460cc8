/**
 * Registers the service worker (only in the browser, only after the page is shown) and
 * hands a waiting new version to the update prompt.
 */
import { appUpdate } from './update.svelte';

export async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const { registerSW } = await import('virtual:pwa-register');
	const updateSW = registerSW({
		immediate: true,
		onNeedRefresh() {
			appUpdate.offer(() => updateSW(true));
		}
	});
}
