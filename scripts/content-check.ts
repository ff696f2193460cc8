/**
 * `npm run content:check`: checks every file in content/ and prints one line per problem
 * (`file:line: what is wrong — how to fix it`). Exits 1 when there is any error.
 * `--strict` also fails on warnings, such as a lesson not yet translated.
 */
import { compileContent } from '../src/lib/content/compile';
import { formatProblem } from '../src/lib/content/problems';
import { readContentFiles } from '../src/lib/content/read-files';

const strict = process.argv.includes('--strict');
const files = readContentFiles(process.cwd());
const { problems } = compileContent(files);
for (const problem of problems) console.log(formatProblem(problem));

const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
console.log(`${files.length} files checked: ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 || (strict && warnings > 0) ? 1 : 0;
