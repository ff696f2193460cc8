/**
 * Writes docs/results-export.schema.json, the JSON Schema of the results export, from the
 * schema the app checks imports with (src/lib/results/export-format.ts). A unit test fails
 * when the committed file is out of date: run `npm run results:schema` after changing it.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { exportJsonSchema } from '../src/lib/results/export-format';

const file = 'docs/results-export.schema.json';
const options = { ...(await resolveConfig(file)), filepath: file };
writeFileSync(file, await format(JSON.stringify(exportJsonSchema()), options));
console.log(`Wrote ${file}`);
