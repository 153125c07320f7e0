/**
 * Go: the functions a command-line framework runs once per process, as `main` runs. A service's `serve` command
 * (`RunE: func(cmd *cobra.Command, args []string) error { ... }`) opens its Redis client, serves until it is told to
 * stop and closes the client with `defer`: that is the program's whole life, not a connection per call. Read for the
 * run hooks of spf13/cobra's `Command` (`Run`, `RunE` and their pre and post forms) and urfave/cli's `Action`,
 * `Before` and `After`, in a file that imports the framework: a function literal written as the hook's value, and a
 * function or method of the file named there (`RunE: runServe`, `RunE: s.run`, `cmd.RunE = runServe`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { goImportSpecs } from './goPackageStructs';

const COBRA_HOOKS = /^(?:Persistent)?(?:Pre|Post)?RunE?$/;
const URFAVE_HOOKS = /^(?:Action|Before|After)$/;

/** Per file, the hook pattern of the frameworks it imports, and the names of the functions its hooks name. */
const hooks = new FileMemo<'hooks', { pattern?: RegExp; named: Set<string> }>();

/** Whether the function scope `scope` is a run hook of a cobra or urfave/cli command, which runs once per process. */
export function runsOncePerProcess(a: CodeAnalyzer, scope: number): boolean {
  if (a.language.family !== 'go') {
    return false;
  }
  const { pattern, named } = hooks.get(a, 'hooks', () => readHooks(a));
  const params = a.functions.get(scope)?.params ?? -1;
  if (!pattern || params <= 1) {
    return false;
  }
  if (!a.idIs(params - 1, 'func')) {
    return named.has(a.id(params - 1) ?? '');
  }
  // A method's parameters are its receiver's (`func (w *worker) run(`): its name follows them.
  const close = a.partner[params];
  if (close > params && a.isId(close + 1) && a.is(close + 2, '(')) {
    return named.has(a.tokens.text(close + 1));
  }
  const field = hookBefore(a, params - 1);
  return field >= 0 && pattern.test(a.tokens.text(field));
}

function readHooks(a: CodeAnalyzer): { pattern?: RegExp; named: Set<string> } {
  const paths = goImportSpecs(a).map((spec) => spec.path);
  const cobra = paths.some((path) => path.includes('github.com/spf13/cobra'));
  const urfave = paths.some((path) => path.includes('github.com/urfave/cli'));
  const pattern = cobra && urfave ? new RegExp(`${COBRA_HOOKS.source}|${URFAVE_HOOKS.source}`) : cobra ? COBRA_HOOKS : urfave ? URFAVE_HOOKS : undefined;
  const named = new Set<string>();
  for (let k = 0; pattern && k + 2 < a.tokens.length; k++) {
    // The value starts two tokens on, after `RunE:` or `.RunE =`.
    if (!a.isId(k) || !pattern.test(a.tokens.text(k)) || hookBefore(a, k + 2) !== k) {
      continue;
    }
    // The value's last name (`runServe`, `run` of `s.run`), unless it is called (a function that returns the hook).
    let last = k + 2;
    while (a.isAccess(last + 1) && a.isId(last + 2)) {
      last += 2;
    }
    if (a.isId(last) && !a.is(last + 1, '(') && !a.idIs(last, 'func')) {
      named.add(a.tokens.text(last));
    }
  }
  return { pattern, named };
}

/** The hook field name before the value that starts at `value` (`RunE` of `RunE: ...` or `cmd.RunE = ...`), or -1. */
function hookBefore(a: CodeAnalyzer, value: number): number {
  const field = value - 2;
  if (field < 0 || !a.isId(field)) {
    return -1;
  }
  const keyed = a.is(value - 1, ':') && (a.is(field - 1, '{') || a.is(field - 1, ','));
  const assigned = a.is(value - 1, '=') && a.isAccess(field - 1);
  return keyed || assigned ? field : -1;
}
