/**
 * Python: a dict of settings another module binds, spread into a call (`pymysql.connect(**DB_CONFIG)` after
 * `from config import DB_CONFIG`, `redis.Redis(**REDIS)`): its literal entries are the call's options, each
 * placed at the spread and pointing at the line of the settings module that writes it (a password without quoting
 * it). A dict whose entries are not all literals leaves the options incomplete (`workspace/pythonSettingDicts.ts`).
 */
import { OptionContext, OptionOccurrence } from '../model';
import { scalarLiteral } from '../iac/terraformOutside';
import { normalizeName, Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { mayBeProjectModule } from './projectImports';
import { PASSWORD_NAME } from '../workspace/secretConstants';

/** The options of the dict `**name` at `at` spreads, when another module of the workspace binds it; undefined otherwise. */
export function importedDictContext(a: CodeAnalyzer, at: number, kind: OptionContext['kind'], type: string, anchor: Span): OptionContext | undefined {
  const ask = a.project?.importedDict;
  if (!ask || a.language.family !== 'python' || !a.isId(at + 1)) {
    return undefined;
  }
  const value = a.evalChain(at + 1, at + 2).value;
  const ref = value?.t === 'ref' && value.path !== '' && !value.path.includes('.') && mayBeProjectModule(a, value.module) ? value : undefined;
  const found = ref && ask(ref.module, ref.path);
  if (!found) {
    return undefined;
  }
  const spread = a.span(at, at + 1);
  const options = Object.entries(found.value.entries).map(([name, entry]): OptionOccurrence => {
    const literal = scalarLiteral(entry.value);
    const written = PASSWORD_NAME.test(name) ? '…' : JSON.stringify(entry.value);
    return {
      name,
      norm: normalizeName(name),
      key: spread,
      value: spread,
      literal,
      removal: spread,
      passedFrom: { at: { file: found.at.file, line: entry.line, character: 0, span: { start: entry.start, end: entry.end } }, text: `${name}: ${written}` },
    };
  });
  return { kind, type, options, complete: !found.value.open, anchor };
}
