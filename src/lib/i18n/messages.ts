/**
 * The interface strings of one language as pages receive them, built once at build time:
 * the language's own file laid over the English one (a string not yet translated shows in
 * English, as svelte-i18n's fallback did), each string checked against what the browser's
 * formatter supports, so a string it could not format fails the build with its key.
 * Only the server imports this module; the browser fetches its result (/data/messages.json).
 */
import type { Locale } from '$lib/content/types';
import en from './en.json';
import km from './km.json';
import { MessageSyntaxError, parseMessage } from './message-format';

export type MessageTree = { [key: string]: string | MessageTree };

const files: Record<Locale, MessageTree> = { en, km };

/** `own` laid over `base`: every key of `base`, in `own`'s words where it has them. */
export function withFallback(base: MessageTree, own: MessageTree): MessageTree {
	const tree: MessageTree = {};
	for (const [key, value] of Object.entries(base)) {
		const mine = own[key];
		tree[key] =
			typeof value === 'string'
				? typeof mine === 'string'
					? mine
					: value
				: withFallback(value, typeof mine === 'object' ? mine : {});
	}
	return tree;
}

/** Every string of the tree that cannot be formatted, as `file: key: reason`. */
export function messageProblems(tree: MessageTree, file: string, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([key, value]) => {
		if (typeof value !== 'string') return messageProblems(value, file, `${prefix}${key}.`);
		try {
			parseMessage(value);
			return [];
		} catch (error) {
			if (!(error instanceof MessageSyntaxError)) throw error;
			return [`${file}: ${prefix}${key}: ${error.message}`];
		}
	});
}

const built = new Map<Locale, MessageTree>();

export function messagesOf(lang: Locale): MessageTree {
	let tree = built.get(lang);
	if (tree) return tree;
	tree = lang === 'en' ? en : withFallback(en, files[lang]);
	const problems = messageProblems(files[lang], `src/lib/i18n/${lang}.json`);
	if (problems.length > 0) {
		throw new Error(
			`Interface strings the app cannot format (only {name}, plural and select are supported):\n${problems.join('\n')}`
		);
	}
	built.set(lang, tree);
	return tree;
}
