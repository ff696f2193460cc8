import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { offlinePackage } from './scripts/offline-package';

export default defineConfig({
	// Workbox modules read process.env.NODE_ENV; the service worker has no `process`.
	define: {
		'process.env.NODE_ENV': JSON.stringify(
			process.env.NODE_ENV === 'production' ? 'production' : 'development'
		)
	},
	// The trainer's Worker (results-worker.ts) as a module with chunks of its own, so the curve
	// code it needs only without WebCrypto is loaded only then, as on the page.
	worker: { format: 'es' },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			registerType: 'prompt',
			// The app lives at the root of its host; without these the worker would be looked
			// for next to each page (`/lessons/service-worker.js`) and not found.
			base: '/',
			scope: '/',
			injectRegister: false,
			manifest: {
				name: 'Safe Migration Classroom',
				short_name: 'Safe Migration',
				description:
					'Lessons, a story, quizzes and reference cards for safe-migration sessions in Cambodian schools. Works offline.',
				lang: 'en',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'any',
				background_color: '#ffffff',
				theme_color: '#0f4c5c',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			injectManifest: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest,woff2}',
					'prerendered/**/*.{html,json}'
				],
				// Which of these files are kept, and why: scripts/offline-package.ts.
				manifestTransforms: [offlinePackage('.svelte-kit/output')]
			},
			kit: { adapterFallback: '404.html', spa: true, includeVersionFile: true },
			devOptions: { enabled: false }
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
