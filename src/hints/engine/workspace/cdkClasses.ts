/**
 * The members of the classes and interfaces a CDK file declares at module level, for the files that
 * import them: a stack's `public readonly table: dynamodb.Table`, a construct's `this.notes = new
 * dynamodb.Table(…)`, a props interface's `readonly tables: NotesTables`, Python's `self.table =
 * dynamodb.Table(…)`. A member counts when its type is written as a CDK construct class or interface, a
 * class of the file, or a class imported from another module; otherwise when every assignment to it
 * constructs the same one. Anything else (`any`, a generic, a value passed in) leaves the member out.
 */
import { cdkAnnotationType } from '../code/values';
import { TOKEN_KIND } from '../lexer';
import { CdkSource } from './cdkSource';
import { keysAfterSpread } from '../code/spreadKeys';
import { wrappedConstructProps } from './cdkWrappedProps';
import { wrapperFunctions } from './cdkWrapperFunctions';
import { constructMakers } from './cdkConstructMakers';
import { CdkClassMembers, CdkMemberType, CdkWrappedProps } from './types';

const { ID, STR } = TOKEN_KIND;

/** Classes and members read per file: far more than real CDK files declare, few enough to keep the model small. */
const MAX_CLASSES = 128;
const MAX_MEMBERS = 128;

/** TypeScript modifiers of members other files can read, and of those they cannot. */
const VISIBLE_MODIFIERS = new Set(['public', 'readonly', 'declare', 'override', 'abstract']);
const HIDDEN_MODIFIERS = new Set(['private', 'protected', 'static']);
/** Python type hints that wrap the type that matters: `Optional[dynamodb.ITable]`. */
const PYTHON_WRAPPERS = new Set(['Optional', 'Final', 'ClassVar']);

interface Declaration {
  name: string;
  /** The body's first token: its `{`, or Python's `class`. */
  body: number;
}

/** Members by class: a member's type where it is written, and what each assignment to it constructs. */
interface Collected {
  written: Map<string, CdkMemberType>;
  assigned: Map<string, CdkMemberType | null>;
  /** Members declared `private`, `protected` or `static`: other files cannot read them, whatever is assigned. */
  hidden: Set<string>;
}

export class CdkClassReader {
  /** Module-level classes and interfaces of the file, by name. */
  private readonly declared = new Set<string>();

  constructor(private readonly source: CdkSource) {}

  /** The classes and interfaces of the file with at least one member of a known type. */
  read(): Record<string, CdkClassMembers> | undefined {
    const declarations = this.declarations();
    declarations.forEach(({ name }) => this.declared.add(name));
    const classes: Record<string, CdkClassMembers> = {};
    let count = 0;
    for (const declaration of declarations) {
      const collected: Collected = { written: new Map(), assigned: new Map(), hidden: new Set() };
      if (this.source.python) {
        this.pythonClass(declaration.body, collected);
      } else {
        this.jsClass(declaration.body, collected);
      }
      const members = membersOf(collected);
      if (members && count < MAX_CLASSES && !Object.hasOwn(classes, declaration.name)) {
        classes[declaration.name] = members;
        count++;
      }
    }
    return count > 0 ? classes : undefined;
  }

  /**
   * The module-level classes whose base is a construct class (`class OrdersTable extends dynamodb.TableV2`, Python
   * `class CoreTable(dynamodb.Table)`), or a class of the file that is one, with that construct; after `read`.
   */
  constructSubclasses(): Record<string, string> | undefined {
    const { source } = this;
    const bases = new Map<string, string>();
    for (const { keyword } of source.moduleDeclarations()) {
      const name = source.tokens.kinds[keyword + 1] === ID && source.tokens.text(keyword) === 'class' ? source.tokens.text(keyword + 1) : '';
      const base = source.python ? (source.is(keyword + 2, '(') ? keyword + 3 : -1) : source.is(keyword + 2, 'extends') ? keyword + 3 : -1;
      if (name !== '' && name !== '__proto__' && base > 0) {
        const { names } = source.dottedNames(base);
        const type = names.length > 0 ? this.typeOf(names) : undefined;
        const construct = type && ('construct' in type ? type.construct : type.module === undefined ? bases.get(type.declared) : undefined);
        if (construct !== undefined && bases.size < MAX_CLASSES) {
          bases.set(name, construct);
        }
      }
    }
    return bases.size > 0 ? Object.fromEntries(bases) : undefined;
  }

  /**
   * Of the `subclasses` (see `constructSubclasses`), those whose constructor hands the props it is given on to the
   * construct (`super(scope, id, { ...props, billing: Billing.onDemand() })`), each with the keys written after
   * the spread, normalized: those win over the caller's. JavaScript and TypeScript only.
   */
  propsHandedOn(subclasses: Record<string, string>): Record<string, string[]> | undefined {
    const { source } = this;
    if (source.python) {
      return undefined;
    }
    const handed: Record<string, string[]> = {};
    let count = 0;
    for (const { name, body } of this.declarations()) {
      const overridden = Object.hasOwn(subclasses, name) && source.is(body, '{') ? this.superPropsOverrides(body) : undefined;
      if (overridden && count++ < MAX_CLASSES) {
        handed[name] = overridden;
      }
    }
    return count > 0 ? handed : undefined;
  }

  /** The classes whose constructor makes a construct from a member of their props (`workspace/cdkWrappedProps.ts`). */
  wrappedProps(): Record<string, CdkWrappedProps> | undefined {
    return wrappedConstructProps(this.source, this.declarations(), (names) => this.typeOf(names));
  }

  /** The module-level functions that make a construct from a member of an argument (`workspace/cdkWrapperFunctions.ts`). */
  wrapperFunctions(): Record<string, CdkWrappedProps> | undefined {
    return wrapperFunctions(this.source, (names) => this.typeOf(names));
  }

  /** The module-level functions that return a construct they make (`workspace/cdkConstructMakers.ts`), with its class. */
  constructMakers(): Record<string, string> | undefined {
    return constructMakers(this.source, (names) => this.typeOf(names));
  }

  /** The keys after the spread in the props object of the `super(...)` call in the class body at `body`; undefined when there it spreads nothing. */
  private superPropsOverrides(body: number): string[] | undefined {
    const { source } = this;
    const close = source.partner[body];
    const classScope = source.scopeChain(body + 1)[0];
    for (let k = body + 1; k < close; k++) {
      if (!source.is(k, 'super') || !source.is(k + 1, '(') || source.classScope(k) !== classScope) {
        continue;
      }
      const end = source.partner[k + 1];
      for (let j = k + 2; j < end; j = source.partner[j] > j ? source.partner[j] + 1 : j + 1) {
        if (source.is(j, '{')) {
          return keysAfterSpread(source, j, source.partner[j]);
        }
      }
      return undefined;
    }
    return undefined;
  }

  private declarations(): Declaration[] {
    const { source } = this;
    const found: Declaration[] = [];
    for (const { keyword, body } of source.moduleDeclarations()) {
      const name = source.tokens.kinds[keyword + 1] === ID ? source.tokens.text(keyword + 1) : '';
      if (name !== '' && name !== '__proto__') {
        found.push({ name, body });
      }
    }
    return found;
  }

  /** A TypeScript or JavaScript class or interface: its body's fields, getters, parameter properties and `this.x = new …`. */
  private jsClass(body: number, collected: Collected): void {
    const { source } = this;
    const close = source.partner[body];
    if (close < body) {
      return;
    }
    for (let k = body + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
      if (source.is(k - 1, '{') || source.is(k - 1, ';') || source.is(k - 1, '}') || source.startsStatement(k)) {
        this.jsMember(k, collected);
      }
    }
    const classScope = source.scopeChain(body + 1)[0];
    for (let k = body + 1; k < close; k++) {
      if (source.is(k, 'this') && source.is(k + 1, '.') && source.tokens.kinds[k + 2] === ID && source.is(k + 3, '=') && source.classScope(k) === classScope) {
        assign(collected, source.tokens.text(k + 2), this.constructed(k + 4));
      }
    }
  }

  /** One member of a class body at token `k`: `readonly table: dynamodb.ITable`, `notes = new Table(…)`, `get table(): ITable`, a constructor. */
  private jsMember(k: number, collected: Collected): void {
    const { source } = this;
    const { tokens } = source;
    let j = k;
    let hidden = false;
    while (tokens.kinds[j] === ID && tokens.kinds[j + 1] === ID && (VISIBLE_MODIFIERS.has(tokens.text(j)) || HIDDEN_MODIFIERS.has(tokens.text(j)))) {
      hidden ||= HIDDEN_MODIFIERS.has(tokens.text(j));
      j++;
    }
    if (source.is(j, 'get') && tokens.kinds[j + 1] === ID && source.is(j + 2, '(')) {
      const close = source.partner[j + 2];
      if (!hidden && close > j && source.is(close + 1, ':')) {
        write(collected, tokens.text(j + 1), this.jsType(close + 2));
      }
      return;
    }
    if (tokens.kinds[j] !== ID) {
      return;
    }
    const name = tokens.text(j);
    let m = j + 1;
    if (source.is(m, '?') || source.is(m, '!')) {
      m++;
    }
    if (name === 'constructor' && source.is(m, '(')) {
      this.parameterProperties(m, collected);
    } else if (hidden) {
      collected.hidden.add(name);
    } else if (source.is(m, ':')) {
      write(collected, name, this.jsType(m + 1));
    } else if (source.is(m, '=')) {
      assign(collected, name, this.constructed(m + 1));
    }
  }

  /** `constructor(public readonly table: dynamodb.ITable)`: parameters that are public members too. */
  private parameterProperties(open: number, collected: Collected): void {
    const { source } = this;
    const { tokens } = source;
    const close = source.partner[open];
    for (let k = open + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
      if (!(source.is(k - 1, '(') || source.is(k - 1, ','))) {
        continue;
      }
      let j = k;
      let visible = false;
      let hidden = false;
      while (tokens.kinds[j] === ID && tokens.kinds[j + 1] === ID && (VISIBLE_MODIFIERS.has(tokens.text(j)) || HIDDEN_MODIFIERS.has(tokens.text(j)))) {
        visible ||= tokens.text(j) === 'public' || tokens.text(j) === 'readonly';
        hidden ||= HIDDEN_MODIFIERS.has(tokens.text(j));
        j++;
      }
      const m = source.is(j + 1, '?') ? j + 2 : j + 1;
      if (hidden && tokens.kinds[j] === ID) {
        collected.hidden.add(tokens.text(j));
      } else if (visible && tokens.kinds[j] === ID && source.is(m, ':')) {
        write(collected, tokens.text(j), this.jsType(m + 1));
      }
    }
  }

  /** A type written as one dotted name (`dynamodb.ITable`, `NotesTables`), ending there; anything more complex is unknown. */
  private jsType(start: number): CdkMemberType | undefined {
    const { source } = this;
    const { names, next } = source.dottedNames(start);
    const ends = source.is(next, ';') || source.is(next, ',') || source.is(next, '=') || source.is(next, '}') || source.is(next, ')') || source.is(next, '{') || source.startsStatement(next);
    return names.length > 0 && ends ? this.typeOf(names) : undefined;
  }

  /** A Python class: annotations in its body (`table: dynamodb.ITable`) and `self.x = …` / `self.x: T = …` in its methods. */
  private pythonClass(at: number, collected: Collected): void {
    const { source } = this;
    const { tokens } = source;
    const classScope = source.scopeChain(at)[0];
    const end = source.scopeEnd(at);
    for (let k = at + 1; k < end; k++) {
      if (source.is(k, 'self') && source.is(k + 1, '.') && tokens.kinds[k + 2] === ID && source.startsStatement(k) && source.classScope(k) === classScope) {
        const name = tokens.text(k + 2);
        if (source.is(k + 3, ':')) {
          write(collected, name, this.pythonType(k + 4));
        } else if (source.is(k + 3, '=')) {
          assign(collected, name, this.constructed(k + 4));
        }
      } else if (tokens.kinds[k] === ID && source.is(k + 1, ':') && source.startsStatement(k) && !source.startsStatement(k + 2) && source.scopeChain(k)[0] === classScope) {
        write(collected, tokens.text(k), this.pythonType(k + 2));
      }
    }
  }

  /** A Python type hint: a dotted name, in quotes, or in `Optional[…]`. */
  private pythonType(start: number): CdkMemberType | undefined {
    const { source } = this;
    let k = start;
    while (PYTHON_WRAPPERS.has(source.tokens.kinds[k] === ID ? source.tokens.text(k) : '') && source.is(k + 1, '[')) {
      k += 2;
    }
    if (source.tokens.kinds[k] === STR && !source.tokens.interpolated(k)) {
      const names = source.tokens.text(k).split('.');
      return names.every((name) => /^[A-Za-z_]\w*$/.test(name)) ? this.typeOf(names) : undefined;
    }
    const { names, next } = source.dottedNames(k);
    const ends = source.is(next, '=') || source.is(next, ']') || source.is(next, ',') || source.is(next, ')') || source.startsStatement(next) || next >= source.tokens.length;
    return names.length > 0 && ends ? this.typeOf(names) : undefined;
  }

  /** What the expression at `start` constructs: `new dynamodb.Table(…)`, Python `dynamodb.Table(…)`, `new NotesTables(…)`. */
  private constructed(start: number): CdkMemberType | null {
    const { source } = this;
    const from = !source.python && source.is(start, 'new') ? start + 1 : source.python ? start : -1;
    const { names, next } = from < 0 ? { names: [], next: start } : source.dottedNames(from);
    const close = source.is(next, '(') ? source.partner[next] : -1;
    if (names.length === 0 || close < next) {
      return null;
    }
    // The construct is the whole value: `new Table(…).tableName` is no construct.
    const after = close + 1;
    const whole = source.is(after, ';') || source.is(after, ',') || source.is(after, ')') || source.is(after, '}') || source.startsStatement(after) || after >= source.tokens.length;
    return (whole && this.typeOf(names)) || null;
  }


  /** A type named by dotted names: a CDK construct class, a class of this file, or a class imported from another module. */
  private typeOf(names: readonly string[]): CdkMemberType | undefined {
    const qualified = this.source.qualified(names);
    if (qualified !== undefined) {
      const construct = cdkAnnotationType('aws-cdk-lib', qualified);
      return construct?.t === 'construct' ? { construct: construct.type } : undefined;
    }
    if (names.length === 1 && this.declared.has(names[0])) {
      return { declared: names[0] };
    }
    const imported = this.source.projectImports.get(names[0]);
    const declared = imported && [imported.name, ...names.slice(1)].filter((name) => name !== '').join('.');
    return imported && declared ? { declared, module: imported.module } : undefined;
  }
}

function write(collected: Collected, name: string, type: CdkMemberType | undefined): void {
  if (type && name !== '__proto__') {
    collected.written.set(name, type);
  }
}

/** Assignments agree or the member is unknown: `null` marks one that does not construct a known type. */
function assign(collected: Collected, name: string, type: CdkMemberType | null): void {
  const previous = collected.assigned.get(name);
  if (previous === undefined) {
    collected.assigned.set(name, type);
  } else if (previous !== null && (type === null || JSON.stringify(previous) !== JSON.stringify(type))) {
    collected.assigned.set(name, null);
  }
}

/** A member's written type, else what every assignment constructs; undefined when no member is known. */
function membersOf({ written, assigned, hidden }: Collected): CdkClassMembers | undefined {
  const members: CdkClassMembers = {};
  let count = 0;
  for (const name of new Set([...written.keys(), ...assigned.keys()])) {
    const type = written.get(name) ?? assigned.get(name);
    if (type && !hidden.has(name) && name !== '__proto__' && count < MAX_MEMBERS) {
      members[name] = type;
      count++;
    }
  }
  return count > 0 ? members : undefined;
}
