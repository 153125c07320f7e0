/** `npm run content:check`: validates content/ and prints every problem. */
import * as path from 'node:path';
import { compileContent, formatErrors } from './compileContent';

const root = path.resolve(process.argv[2] ?? 'content');
const { catalog, errors } = compileContent(root);
if (errors.length > 0) {
  process.stderr.write(`${formatErrors(errors)}\n${errors.length} content error(s)\n`);
  process.exit(1);
}
process.stdout.write(
  `content ok: ${catalog.services.length} services, ${catalog.notes.length} notes, ` +
    `${catalog.questions.length} questions, ${catalog.choices.length} multiple-choice items\n`,
);
