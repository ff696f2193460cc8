import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from '$lib/results/export-format';

type SchemaNode = {
	description?: string;
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
	anyOf?: SchemaNode[];
	$defs?: Record<string, SchemaNode>;
};

describe('the JSON export format', () => {
	it('is described by the committed schema file (run `npm run results:schema` after a change)', () => {
		const committed = JSON.parse(readFileSync('docs/results-export.schema.json', 'utf8'));
		expect(committed).toEqual(exportJsonSchema());
	});

	it('documents every field, of the file, of what its sealed parts decrypt to, and of version 1', () => {
		const schema = exportJsonSchema() as SchemaNode;
		const described = (node: SchemaNode, path: string) => {
			for (const [name, property] of Object.entries(node.properties ?? {})) {
				const text =
					property.description ?? property.anyOf?.find((one) => one.description)?.description;
				expect(text, `${path}.${name}`).toBeTruthy();
				const inner = property.items ?? property.anyOf?.find((one) => one.properties) ?? property;
				if (inner.properties) described(inner, `${path}.${name}`);
				if (inner.items?.properties) described(inner.items, `${path}.${name}[]`);
			}
		};
		described(schema, 'file');
		expect(Object.keys(schema.$defs!)).toEqual([
			'attemptPart',
			'sessionsPart',
			'attempt',
			'version1'
		]);
		for (const [name, definition] of Object.entries(schema.$defs!)) described(definition, name);
	});

	it('names the version and the key a file is sealed to, and nothing of an attempt but its uuid', () => {
		const schema = exportJsonSchema() as SchemaNode & { required: string[] };
		expect(schema.required).toEqual([
			'format',
			'version',
			'device',
			'exportedAt',
			'keyId',
			'attempts',
			'sessions'
		]);
		expect(Object.keys(schema.properties!.attempts!.items!.properties!)).toEqual(['uuid', 'parts']);
	});
});
