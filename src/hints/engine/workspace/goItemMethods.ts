/**
 * A Go file's item helpers for the other files of its package and the packages that import it
 * (`code/languages/goItemHelpers.ts`): the file is lexed and its operations read on their own, without the
 * workspace, so a helper whose client another file declares is not seen. Read from the text the index keeps for a
 * file that names a GetItem or PutItem call (`goPackages.ts`), on a caller's first question (`goModules.ts`).
 */
import { CodeAnalyzer } from '../code/analyzer';
import { go } from '../code/languages/go';
import { goItemMethods } from '../code/languages/goItemHelpers';
import { withInterfaceMethods } from '../code/languages/goItemInterfaces';
import { writesWithoutCondition } from '../code/readModifyWrite';
import { LineIndex } from '../text';
import type { GoItemMethod } from './types';

/** The file's item helpers by `Type.Method` or function name; undefined when it has none. */
export function fileItemMethods(text: string): Record<string, GoItemMethod> | undefined {
  const a = new CodeAnalyzer(text, go, new LineIndex(text));
  a.run();
  const gets = a.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem');
  const puts = a.operations.filter((occurrence) => occurrence.operation === 'dynamodb:PutItem' && writesWithoutCondition(occurrence));
  const methods = gets.length > 0 || puts.length > 0 ? withInterfaceMethods(a, goItemMethods(a, gets, puts)) : {};
  return Object.keys(methods).length > 0 ? methods : undefined;
}
