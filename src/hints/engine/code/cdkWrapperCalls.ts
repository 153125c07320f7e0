/**
 * Workspace mode, JavaScript and TypeScript: a call of a function of another module, or of this one, that makes a
 * CDK construct from a member of an argument (`workspace/cdkWrapperFunctions.ts`): `createCache({ scope: app,
 * cacheProps: { engine: 'redis', engineVersion: '6.2' } })` writes the replication group's props in the object at
 * `cacheProps`, so they are read here as that construct's, but those the function writes after its spread, which
 * win, and with what is left out unknown (the function may write it). The object may be written in place or held
 * by a name bound to one.
 */
import { TOKEN_KIND } from '../lexer';
import type { CodeAnalyzer } from './analyzer';
import { contextFrom } from './options';
import { importedPropsWrapper } from './projectImports';
import type { CdkWrappedProps } from '../workspace/types';

const { STR } = TOKEN_KIND;

export function importedCdkWrapperCalls(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.project?.importedCdkClass) {
    return;
  }
  for (let k = 0; k < a.tokens.length; k++) {
    if (!a.isId(k) || !a.is(k + 1, '(') || a.isAccess(k - 1) || a.idIs(k - 1, 'new') || a.idIs(k - 1, 'function')) {
      continue;
    }
    const value = a.lookup(a.tokens.text(k), k);
    // A function of this file: the workspace read it with the file, which a relative import of the file itself names.
    const wrapped = value?.t === 'ref' ? importedPropsWrapper(a, value.module, value.path) : value?.t === 'function' ? importedPropsWrapper(a, selfModule(a.project.file), a.tokens.text(k)) : undefined;
    if (wrapped?.position !== undefined) {
      calledWrapper(a, wrapped, wrapped.position, k);
    }
  }
}

/** The props a call at `nameIndex` writes for the wrapped construct: the object at the member of its argument. */
function calledWrapper(a: CodeAnalyzer, wrapped: CdkWrappedProps, position: number, nameIndex: number): void {
  const argument = argumentAt(a, nameIndex + 1, position);
  const given = argument < 0 ? -1 : objectAt(a, argument);
  const props = given < 0 || wrapped.member === '' ? given : memberObject(a, given, wrapped.member);
  if (props < 0) {
    return;
  }
  const context = contextFrom(a, props, a.partner[props], 'cdk', wrapped.construct, a.tokenSpan(nameIndex));
  const overridden = new Set(wrapped.overridden);
  context.complete = false;
  context.options = context.options.filter((option) => !overridden.has(option.norm));
  context.typeSpan = a.tokenSpan(nameIndex);
  a.contexts.push(context);
}

/** The first token of the argument at `position` of the call opening at `open`, or -1. */
function argumentAt(a: CodeAnalyzer, open: number, position: number): number {
  const close = a.partner[open];
  let index = 0;
  let start = open + 1;
  for (let k = open + 1; k < close && close > open; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      if (index === position) {
        break;
      }
      index++;
      start = k + 1;
    }
  }
  return index === position && start < close ? start : -1;
}

/** The `{` of the object literal written at `k` (ending the argument or member there), or of the one a name there is bound to; else -1. */
function objectAt(a: CodeAnalyzer, k: number): number {
  if (a.is(k, '{')) {
    return endsValue(a, a.partner[k] + 1) ? k : -1;
  }
  return a.isId(k) && endsValue(a, k + 1) ? a.objectVariable(a.tokens.text(k), k) : -1;
}

function endsValue(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, ',') || a.is(k, ')') || a.is(k, '}');
}

/** The object at `member` of the object literal opening at `open` (`member: { ... }`, or a name bound to one), or -1. */
function memberObject(a: CodeAnalyzer, open: number, member: string): number {
  const close = a.partner[open];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const key = a.isId(k) || a.tokens.kinds[k] === STR ? a.tokens.text(k) : '';
    if (key !== member || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    if (a.is(k + 1, ':')) {
      return objectAt(a, k + 2);
    }
    // Shorthand `{ cacheProps }`: the object the name is bound to.
    return a.is(k + 1, ',') || k + 1 === close ? a.objectVariable(member, k) : -1;
  }
  return -1;
}

/** The relative import of the file `file` from its own folder (`lib/stacks/data.ts` → `./data`). */
function selfModule(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return `./${dot > 0 ? base.slice(0, dot) : base}`;
}
