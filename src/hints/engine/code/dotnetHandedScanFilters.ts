/**
 * A document model `ScanFilter` a C# method fills (`var filter = new ScanFilter(); filter.AddCondition(...)`) and
 * hands to a method of the project (`search.ScanAsync(filter)`, a repository over `Table.Scan`) instead of the SDK:
 * a `ScanFilter` filters nothing but a Scan, so the Scan it reaches reads the whole table and then filters. Handed to
 * the SDK itself (`table.Scan(filter)`), the Scan's own request reads it (`scanConditionsRequest`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { holdsFilterConditions } from './dotnetScanConditions';
import { perFile } from './fileMemo';
import { positionalOption } from './options';
import { chainStart } from './receiverChains';

/** Files that may fill one: the two words, found once per file. */
const mayFillScanFilter = perFile((a) => a.language.family === 'csharp' && a.text.includes('ScanFilter') && a.text.includes('AddCondition'));

export function handedScanFilters(a: CodeAnalyzer): void {
  if (!mayFillScanFilter(a)) {
    return;
  }
  for (let open = 3; open < a.tokens.length; open++) {
    // `receiver.Method(` with a receiver that is no SDK client: a method of the project's.
    const name = open - 1;
    if (!a.is(open, '(') || !a.isId(name) || !a.isAccess(name - 1) || a.partner[open] < 0) {
      continue;
    }
    const argument = segments(a, open).find(([start, end]) => end === start + 1 && a.isId(start) && holdsFilterConditions(a, start, end));
    if (!argument || a.evalChain(chainStart(a, name - 2), name - 1).value?.t === 'client') {
      continue;
    }
    const option = positionalOption(a, argument[0], argument[1], 'ScanFilter');
    a.contexts.push({ kind: 'sdk', type: 'dynamodb:Scan', options: [option], complete: false, anchor: a.tokenSpan(name) });
  }
}
