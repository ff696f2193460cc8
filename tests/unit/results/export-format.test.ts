import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExport } from '$lib/results/archive';
import { exportJsonSchema } from '$lib/results/export-format';
import { checkExportText } from '$lib/results/import-check';
import { answer, attempt, DEVICE_A, session } from './records';

describe('the JSON export', () => {
	it('is described by the committed schema file (run `npm run results:schema` after a change)', () => {
		const committed = JSON.parse(readFileSync('docs/results-export.schema.json', 'utf8'));
		expect(committed).toEqual(exportJsonSchema());
	});

	it('is read back whole by the import check: an export re-imports', () => {
		const taken = attempt({ classLabel: '<img src=x onerror=alert(1)>' });
		const file = buildExport(
			{
				deviceId: DEVICE_A,
				attempts: [taken],
				answers: [answer(taken.uuid, 'hotline', true)],
				sessions: [session()]
			},
			new Date('2025-03-04T09:00:00.123Z')
		);
		expect(file).toMatchObject({
			format: 'safe-migration-classroom-results',
			version: 1,
			device: DEVICE_A,
			exportedAt: '2025-03-04T09:00:00.123Z'
		});
		expect(checkExportText(JSON.stringify(file))).toEqual({ ok: true, data: file });
	});

	it('documents every field in the schema', () => {
		const schema = exportJsonSchema() as {
			properties: Record<string, { description?: string; items?: { properties: object } }>;
		};
		const described = (properties: Record<string, { description?: string }>) => {
			for (const [name, property] of Object.entries(properties)) {
				const text =
					property.description ??
					(property as { anyOf?: { description?: string }[] }).anyOf?.find((one) => one.description)
						?.description;
				expect(text, name).toBeTruthy();
			}
		};
		described(schema.properties);
		for (const list of ['attempts', 'answers', 'sessions'])
			described(
				schema.properties[list]!.items!.properties as Record<string, { description?: string }>
			);
	});
});
