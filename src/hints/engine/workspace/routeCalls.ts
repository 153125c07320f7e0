/**
 * The methods of injected services that a NestJS controller's routes call (`code/nestRoutes.ts`), for the
 * files that declare those services; and the index that answers which methods of a file's class are so called.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { NEST_COMMON, nestRouteCalls } from '../code/nestRoutes';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';
import type { Target } from './importedClients';
import type { RouteCall } from './types';

const CONTROLLER = /@Controller\s*\(/;
const TEST_FILE = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

/** Whether a file may be a NestJS controller, from its path and text alone. */
export function mayCallServices(file: string, kind: string, text: string): boolean {
  return (kind === 'typescript' || kind === 'javascript') && !TEST_FILE.test(file) && !isTestDoubleFile(file) && text.includes(NEST_COMMON) && CONTROLLER.test(text);
}

export function indexRouteCalls(kind: 'javascript' | 'typescript', text: string): RouteCall[] {
  const a = new CodeAnalyzer(text, kind === 'typescript' ? typescript : javascript, new LineIndex(text));
  a.bind();
  return nestRouteCalls(a);
}

/** By declaring file and class, the methods the controllers' routes call: the first candidate file the workspace knows, else each candidate. */
export function routeCalledIndex(
  controllers: ReadonlyMap<string, readonly RouteCall[]>,
  target: (file: string, module: string, path: string) => Target | undefined,
  known: (file: string) => boolean,
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  controllers.forEach((calls, file) => {
    for (const call of calls) {
      const found = target(file, call.module, call.path);
      // A service file often contributes nothing itself: each candidate then, as only the real file asks.
      const declaring = found?.files.find(known);
      for (const candidate of declaring !== undefined ? [declaring] : (found?.files ?? [])) {
        const key = `${candidate}\0${found!.name}`;
        const methods = index.get(key) ?? new Set<string>();
        index.set(key, methods);
        call.methods.forEach((method) => methods.add(method));
      }
    }
  });
  return index;
}
