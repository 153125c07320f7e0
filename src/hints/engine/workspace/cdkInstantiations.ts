/**
 * CDK stacks and constructs made from props that the app passes in another file: `new DatabaseStack(app, 'Db',
 * { multiAz: false, removalPolicy: RemovalPolicy.DESTROY })` in `bin/app.ts`, Python `DatabaseStack(app, "Db",
 * multi_az=False)` in `app.py`. A file records its constructions of classes it imports from modules that may be
 * the project's, each prop as the literal it passes (or null); the model files them under the file the import
 * reaches, and the stack file reads its props parameter as what they pass (`code/cdkPassedProps.ts`). Tests
 * construct stacks with whatever they assert on, so their constructions are not read.
 */
import { cdkEnumLiteral } from '../code/cdkLiterals';
import { isTestFilePath } from '../code/testDoubles';
import { TOKEN_KIND } from '../lexer';
import { Literal } from '../model';
import { LineIndex } from '../text';
import { CdkSource, CdkValue } from './cdkSource';
import { sourceRef } from './contribution';
import { Target } from './importTargets';
import { CdkInstantiation, FileContribution, PassedObject, PassedValue } from './types';

const { ID } = TOKEN_KIND;

/** Constructions recorded per file: an app makes a few dozen stacks at most. */
const MAX_INSTANTIATIONS = 64;
/** The longest value text a finding quotes. */
const MAX_TEXT = 60;
/** Props recorded per construction. */
const MAX_PROPS = 64;
/** Constructions one class is read from: past this, the rest are not tried (each is a run of the checks). */
export const MAX_READ_INSTANTIATIONS = 8;
/** CDK integration tests (`integ/`), besides test files: they make stacks with the values they assert on. */
const INTEG_FOLDER = /(?:^|\/)integ\//;

/** The literal a prop's value is: a string, number or bool, or a CDK value the rules read (`RemovalPolicy.DESTROY`, `Duration.days(0)`); undefined otherwise. */
function literalOf(source: CdkSource, value: CdkValue): Literal | undefined {
  switch (value.kind) {
    case 'string':
      return { kind: 'str', value: value.value };
    case 'number':
      return { kind: 'num', value: value.value };
    case 'bool':
      return { kind: 'bool', value: value.value };
    case 'path':
    case 'call':
      return cdkEnumLiteral(source.text.slice(value.span.start, value.span.end));
    default:
      return undefined;
  }
}

/** The props of an object literal or of keyword arguments: each the literal it passes, or null; `open` when a spread may pass others. */
function passedObject(source: CdkSource, file: string, lines: LineIndex, entries: { name: string; value: CdkValue }[], open: boolean, end: number): PassedObject {
  const props: Record<string, PassedValue | null> = {};
  for (const { name, value } of entries.slice(0, MAX_PROPS)) {
    // In an object literal a later spread may replace the key (`{ multiAz: false, ...overrides }`).
    const replaceable = open && !source.python && source.text.slice(value.span.end, end).includes('...');
    const literal = replaceable ? undefined : literalOf(source, value);
    if (name !== '__proto__') {
      const text = source.text.slice(value.span.start, value.span.end).replace(/\s+/g, ' ');
      props[name] = literal ? { literal, at: sourceRef(file, lines, value.span), text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text } : null;
    }
  }
  return open || entries.length > MAX_PROPS ? { props, open: true } : { props };
}

/**
 * The constructions a CDK file makes of classes it imports from project modules: `new Name(…)` and `new
 * module.Name(…)` in JavaScript and TypeScript, `Name(…)` and `module.Name(…)` in Python; and its calls of
 * functions it imports that build resources from what they are passed (in JavaScript, those that pass an
 * object literal: `makeDatabase({ publiclyAccessible: true })`). With `local`, the calls of those names, which
 * the file itself defines, instead. Each positional
 * argument that is an object literal is read as props (in Python, the keyword arguments are, and so are those of
 * a call passed as an argument: `argsObject`).
 */
export function cdkInstantiations(source: CdkSource, file: string, lines: LineIndex, local?: ReadonlySet<string>): CdkInstantiation[] | undefined {
  if (isTestFilePath(file) || INTEG_FOLDER.test(file)) {
    return undefined;
  }
  const { tokens } = source;
  const found: CdkInstantiation[] = [];
  for (let i = 0; i < tokens.length && found.length < MAX_INSTANTIATIONS; i++) {
    // JavaScript: `new Name(…)`, or a call of an imported function that passes an object literal (`makeDatabase({ … })`).
    const plainCall = !source.python && !source.is(i, 'new') && !source.is(i - 1, 'new') && !source.is(i - 1, 'function');
    const start = source.python || plainCall ? i : i + 1;
    if (!isName(source, start) || ((source.python || plainCall) && i > 0 && (source.is(i - 1, '.') || source.is(i - 1, 'def') || source.is(i - 1, 'class')))) {
      continue;
    }
    const member = source.is(start + 1, '.') && isName(source, start + 2);
    const name = tokens.text(start);
    const imported = local ? (local.has(name) && !member ? { module: '', name } : undefined) : source.projectImports.get(name);
    const open = member ? start + 3 : start + 1;
    const path = !imported ? undefined : member ? (imported.name === '' || source.python ? joinMember(imported.name, tokens.text(start + 2)) : undefined) : imported.name;
    const close = source.is(open, '(') ? source.partner[open] : -1;
    if (!imported || !path || close < open) {
      continue;
    }
    const { args, keywords } = source.arguments(open, close);
    if (plainCall && !args.some((arg) => arg.kind === 'object')) {
      continue;
    }
    const spread = source.python && spreadsArguments(source, open, close);
    const instantiation: CdkInstantiation = {
      module: imported.module,
      path,
      at: sourceRef(file, lines, source.span(start, open - 1)),
      args: args.map((arg) => (arg.kind === 'object' ? passedObject(source, file, lines, arg.entries, arg.open, arg.span.end) : source.python && arg.kind === 'call' ? argsObject(source, file, lines, arg) : null)),
    };
    if (source.python) {
      instantiation.keywords = passedObject(source, file, lines, keywords, spread, tokens.ends[close]);
    }
    found.push(instantiation);
  }
  return found.length > 0 ? found : undefined;
}

/**
 * Python: an args object built by a call of its class with keyword arguments (`DbArgs(publicly_accessible=True)`,
 * a Pulumi component's args): its props are those keywords. A positional argument or an unpacking may set any.
 */
function argsObject(source: CdkSource, file: string, lines: LineIndex, call: Extract<CdkValue, { kind: 'call' }>): PassedObject {
  const open = call.at + 2 * call.callee.length - 1;
  const close = source.is(open, '(') ? source.partner[open] : -1;
  const spread = close < open || call.args.length > 0 || spreadsArguments(source, open, close);
  return passedObject(source, file, lines, call.keywords, spread, call.span.end);
}

function isName(source: CdkSource, at: number): boolean {
  return source.tokens.kinds[at] === ID;
}

/** Python: whether the call's arguments between `open` and `close` unpack a list or dict (`*args`, `**kwargs`), which may pass any prop. */
function spreadsArguments(source: CdkSource, open: number, close: number): boolean {
  for (let k = open + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if ((source.is(k, '**') || source.is(k, '*')) && (source.is(k - 1, '(') || source.is(k - 1, ','))) {
      return true;
    }
  }
  return false;
}

/** `stacks.DatabaseStack` after `import * as stacks` (JavaScript: the module itself, `''`), or Python `from app import stacks`. */
function joinMember(name: string, member: string): string {
  return name === '' ? member : `${name}.${member}`;
}

/** What the index asks the workspace model. */
export interface InstantiationReads {
  target(codeFile: string, module: string, path: string): Target | undefined;
  known(file: string): boolean;
}

/**
 * The constructions other files of the workspace make of a class `codeFile` declares: those whose import
 * reaches it (the first file the import tries that the model knows), at most MAX_READ_INSTANTIATIONS.
 */
export function instantiationsOf(callers: ReadonlyMap<string, readonly CdkInstantiation[]>, reads: InstantiationReads, codeFile: string, className: string): CdkInstantiation[] {
  const found: CdkInstantiation[] = [];
  for (const [caller, list] of callers) {
    if (caller === codeFile) {
      continue;
    }
    for (const instantiation of list) {
      const target = reads.target(caller, instantiation.module, instantiation.path);
      const name = target?.name.split('.').pop();
      const reached = name === className ? target!.files.find((file) => reads.known(file)) : undefined;
      if (reached === codeFile && found.length < MAX_READ_INSTANTIATIONS) {
        found.push(instantiation);
      }
    }
  }
  return found;
}

/** The constructions and calls of each class or function the workspace's files make, asked by the declaring file; built once per change of the model. */
export class InstantiationAnswers {
  private readonly callers = new Map<string, readonly CdkInstantiation[]>();
  private readonly answers = new Map<string, readonly CdkInstantiation[]>();

  constructor(
    contributions: ReadonlyMap<string, { contribution: FileContribution }>,
    private readonly reads: InstantiationReads,
  ) {
    contributions.forEach(({ contribution }, file) => contribution.cdkInstantiations && this.callers.set(file, contribution.cdkInstantiations));
  }

  /** See `WorkspaceView.cdkInstantiations`. */
  of(codeFile: string, className: string): readonly CdkInstantiation[] {
    const key = `${codeFile}\0${className}`;
    let found = this.answers.get(key);
    if (!found) {
      found = this.callers.size === 0 ? [] : instantiationsOf(this.callers, this.reads, codeFile, className);
      this.answers.set(key, found);
    }
    return found;
  }
}
