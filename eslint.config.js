import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'test-results/', 'playwright-report/', 'bench-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: { allowDefaultProject: ['src/service-worker.ts'] },
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			// The app is served from the root of its host (the service worker, the manifest and
			// the Khmer redirect assume it), so links need no base path; localizePath builds them.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Only the results database module may talk to IndexedDB through Dexie.
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'dexie',
							message: 'Use $lib/results/db.ts, the one module that opens the database.'
						},
						{
							name: 'svelte-i18n',
							message:
								'Use $lib/i18n (t, locale): the browser gets no message-format library; svelte-i18n only checks it in the tests.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/results/db.ts'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		// svelte-i18n stays as the reference the app's own formatter is tested against.
		files: ['tests/unit/i18n/**'],
		rules: { 'no-restricted-imports': ['error', { paths: ['dexie'] }] }
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		...ts.configs.disableTypeChecked
	}
);
