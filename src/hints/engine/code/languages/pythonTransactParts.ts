/**
 * Python DynamoDB transaction parts built apart from their request: `TransactItems=transact_items`, where the name
 * is bound to a list literal of parts (`transact_items: list[TransactWriteItemTypeDef] = [{"Put": {...}}, ...]`)
 * and the parts `transact_items.append({"Update": {...}})` adds before the request. Each part's keys
 * (`ConditionExpression`, `UpdateExpression`, ...) are the request's, as when written in place (`options.ts`).
 */
import { bindsWholeExpression } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { bindingAt } from '../names';
import { tokensNamed } from '../tokenIndex';

/** How many `append` calls of one parts list are read: a request holds at most 100 parts, written in a few statements. */
const MAX_APPENDS = 16;

/** The `{` of each part dict the name in tokens [start, end) holds: the list literal's dicts and those appended before the use. */
export function pythonHeldParts(a: CodeAnalyzer, start: number, end: number): number[] {
  const binding = end === start + 1 ? bindingAt(a, start, end) : undefined;
  const list = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  if (!binding || list < 0 || !a.is(list, '[') || a.partner[list] < list) {
    return [];
  }
  const found = segments(a, list)
    .filter(([from, to]) => a.is(from, '{') && a.partner[from] === to - 1)
    .map(([from]) => from);
  const name = a.tokens.text(start);
  let appends = 0;
  for (const k of tokensNamed(a, name)) {
    if (k >= start || appends >= MAX_APPENDS) {
      break;
    }
    const appended = k > a.partner[list] && !a.isAccess(k - 1) && a.isAccess(k + 1) && a.idIs(k + 2, 'append') && a.is(k + 3, '(');
    if (appended && a.scopes.lookup(name, k) === binding) {
      appends++;
      const [part] = segments(a, k + 3);
      if (part && a.is(part[0], '{') && a.partner[part[0]] === part[1] - 1) {
        found.push(part[0]);
      }
    }
  }
  return found;
}
