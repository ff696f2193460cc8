import { describe, expect, it } from 'vitest';
import en from '$lib/i18n/en.json';
import km from '$lib/i18n/km.json';
import { localeFromPath, localizePath, switchPath } from '$lib/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const entries = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') entries.set(prefix + key, value);
		else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
	}
	return entries;
}

function keysInOrder(tree: Tree): string[][] {
	const levels = [Object.keys(tree)];
	for (const value of Object.values(tree))
		if (typeof value !== 'string') levels.push(...keysInOrder(value));
	return levels;
}

const placeholders = (text: string) =>
	[...text.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();

describe('interface strings', () => {
	const english = flatten(en);
	const khmer = flatten(km);

	it('has every English key in Khmer, and no Khmer key that English lacks', () => {
		expect([...khmer.keys()].sort()).toEqual([...english.keys()].sort());
	});

	it('uses the same placeholders in both languages', () => {
		for (const [key, text] of english) {
			expect(placeholders(khmer.get(key) ?? ''), key).toEqual(placeholders(text));
		}
	});

	it('leaves no string empty', () => {
		for (const [key, text] of [...english, ...khmer]) expect(text.trim(), key).not.toBe('');
	});

	it('keeps keys sorted, so that additions land in one place', () => {
		for (const tree of [en, km]) {
			for (const keys of keysInOrder(tree)) expect(keys).toEqual([...keys].sort());
		}
	});
});

describe('language in the address', () => {
	it('reads Khmer from /km and English from everything else', () => {
		expect(localeFromPath('/km')).toBe('km');
		expect(localeFromPath('/km/sessions')).toBe('km');
		expect(localeFromPath('/kmer')).toBe('en');
		expect(localeFromPath('/sessions')).toBe('en');
	});

	it('finds the same page in the other language', () => {
		expect(switchPath('/sessions', 'km')).toBe('/km/sessions');
		expect(switchPath('/km/sessions', 'en')).toBe('/sessions');
		expect(switchPath('/km', 'en')).toBe('/');
		expect(switchPath('/', 'km')).toBe('/km');
		expect(switchPath('/km/lessons/x', 'km')).toBe('/km/lessons/x');
		expect(localizePath('/', 'en')).toBe('/');
	});
});
