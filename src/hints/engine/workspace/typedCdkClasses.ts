/**
 * Java and C# CDK apps whose constructs are spread over classes: a stack or construct class makes the tables and
 * hands them to other construct classes through constructor parameters, which keep them in fields and make the
 * Lambda functions (`new HelperFunctions(this, "Helpers", infra.SequencesTable)`, then in `HelperFunctions`
 * `this.sequencesTable = sequencesTable;` and `{ "TABLE", sequencesTable.TableName }`). What one file says about
 * that flow (`CdkClassLinks`): the fields its classes fill with one of its tables, the tables its constructions of
 * classes pass, and the variables of its functions that name a table a constructor parameter holds. The model joins
 * the files (`typedCdkPassed.ts`). A field two assignments could fill, a class with two constructors, or an argument
 * given by name says nothing.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import type { CdkClassLinks, CdkPassedValue } from './types';

/** Names that are no variable: the construct scope (`this`) and literals. */
const KEYWORDS = new Set(['this', 'base', 'null', 'true', 'false']);

/** The class of the file a token is in, by name, with its scope; undefined outside a class or for a class named twice. */
function classAt(a: CodeAnalyzer, token: number): { scope: number; name: string } | undefined {
  const scope = a.scopes.enclosing(token, ['class']);
  const name = scope > 0 ? a.scopes.nameOfClass(scope) : undefined;
  return name === undefined ? undefined : { scope, name };
}

/** The parameters' name tokens of a class's one constructor (`public Helpers(Construct scope, string id, Table t)`), or undefined. */
function constructorParameters(a: CodeAnalyzer, classScope: number, name: string): number[] | undefined {
  const [start, end] = a.scopes.range(classScope);
  let found: number[] | undefined;
  for (let k = start; k < end; k++) {
    if (!a.idIs(k, name) || !a.is(k + 1, '(') || a.idIs(k - 1, 'new') || a.isAccess(k - 1) || a.scopes.enclosing(k, ['class', 'function']) !== classScope) {
      continue;
    }
    const close = a.partner[k + 1];
    // A declaration: its body (`{`), C#'s `: base(...)` / `: this(...)` or Java's `throws` follows the parameters.
    if (!(a.is(close + 1, '{') || a.is(close + 1, ':') || a.idIs(close + 1, 'throws'))) {
      continue;
    }
    if (found) {
      return undefined;
    }
    found = segments(a, k + 1).map(([from, to]) => {
      let last = -1;
      for (let t = from; t < to && !a.is(t, '='); t++) {
        last = a.isId(t) ? t : last;
      }
      return last;
    });
  }
  return found;
}

/** The tokens [start, end) of a statement's expression that starts at `start` (to its `;`). */
function statementEnd(a: CodeAnalyzer, start: number): number {
  let end = start;
  while (end < a.tokens.length && !a.is(end, ';') && !(a.partner[end] >= 0 && a.partner[end] < end)) {
    end = a.skipGroup(end);
  }
  return end;
}

/** Reads one file's links; `tableAt` answers the logical name of the table of the file an expression's token leads to. */
export class ClassLinkReader {
  constructor(
    private readonly a: CodeAnalyzer,
    private readonly tableAt: (name: number) => string | undefined,
  ) {}

  /**
   * The constructor parameter (class and position) a name read at token `name` holds: the parameter itself, or a
   * field of the class assigned once, from that parameter (`this.table = table;`).
   */
  parameterOf(name: number): { class: string; index: number } | undefined {
    const { a } = this;
    const owner = classAt(a, name);
    const parameters = owner && constructorParameters(a, owner.scope, owner.name);
    if (!owner || !parameters || !a.isId(name)) {
      return undefined;
    }
    const text = a.tokens.text(name);
    const viaThis = a.isAccess(name - 1) && a.idIs(name - 2, 'this');
    if (a.isAccess(name - 1) && !viaThis) {
      return undefined;
    }
    const local = viaThis ? undefined : a.scopes.lookup(text, name);
    const index = local ? parameters.indexOf(local.token) : -1;
    if (index >= 0) {
      return { class: owner.name, index };
    }
    if (local && local.expression >= 0) {
      return undefined;
    }
    const assigned = a.scopes.memberBindings(owner.scope, text).filter((binding) => binding.expression >= 0 && !binding.method);
    const from = assigned.length === 1 ? assigned[0].expression : -1;
    if (from < 0 || !a.isId(from) || statementEnd(a, from) !== from + 1) {
      return undefined;
    }
    const source = a.scopes.lookup(a.tokens.text(from), from);
    const at = source ? parameters.indexOf(source.token) : -1;
    return at >= 0 ? { class: owner.name, index: at } : undefined;
  }

  /** The fields of the file's classes that hold one of its tables, assigned once: `Class.field` to the table's logical name. */
  fields(): Record<string, string> {
    const { a } = this;
    const fields: Record<string, string> = {};
    for (let scope = 1; scope < a.scopes.size; scope++) {
      const name = a.scopes.kind(scope) === 'class' ? a.scopes.nameOfClass(scope) : undefined;
      for (const member of name === undefined ? [] : a.scopes.memberNames(scope)) {
        const bindings = a.scopes.memberBindings(scope, member);
        // A private field is no other class's to read (`infra.Table`).
        const declared = [...(a.scopes.bindingsIn(scope).get(member) ?? []), ...bindings];
        if (declared.some((binding) => this.declaredPrivate(binding.token))) {
          continue;
        }
        const assigned = bindings.filter((binding) => binding.expression >= 0 && !binding.method);
        const table = assigned.length === 1 ? this.tableAt(assigned[0].expression) : undefined;
        if (table !== undefined) {
          fields[`${name}.${member}`] = table;
        }
      }
    }
    return fields;
  }

  /** Whether the declaration whose name is at token `name` says `private` (`private final Table orders;`). */
  private declaredPrivate(name: number): boolean {
    const { a } = this;
    for (let k = name - 1; k >= 0 && !a.is(k, ';') && !a.is(k, '{') && !a.is(k, '}'); k--) {
      if (a.idIs(k, 'private')) {
        return true;
      }
    }
    return false;
  }

  /** The constructions of classes (`new Helpers(this, "Helpers", infra.Table, table)`) that pass a table the model may follow. */
  constructions(): CdkClassLinks['constructions'] {
    const { a } = this;
    const found: CdkClassLinks['constructions'] = [];
    for (let k = 1; k + 1 < a.tokens.length; k++) {
      if (!a.idIs(k - 1, 'new') || !a.isId(k) || !/^[A-Z]/.test(a.tokens.text(k)) || !a.is(k + 1, '(')) {
        continue;
      }
      const args = segments(a, k + 1).map(([from, to]) => this.passed(from, to));
      if (args.some((arg) => arg !== null)) {
        found.push({ class: a.tokens.text(k), args });
      }
    }
    return found;
  }

  /** What an argument passes: a table of the file, a field of an object of another class, or a parameter of the enclosing constructor. */
  private passed(from: number, to: number): CdkPassedValue | null {
    const { a } = this;
    // An argument given by name (`table: t`) may sit at any position.
    if (a.isId(from) && a.is(from + 1, ':')) {
      return null;
    }
    const bare = to - from === 1 || (to - from === 3 && a.idIs(from, 'this') && a.isAccess(from + 1));
    if (bare && a.isId(to - 1) && !KEYWORDS.has(a.tokens.text(to - 1))) {
      const table = this.tableAt(to - 1);
      if (table !== undefined) {
        return { kind: 'table', logicalName: table };
      }
      const parameter = this.parameterOf(to - 1);
      return parameter ? { kind: 'parameter', ...parameter } : null;
    }
    // `infra.SequencesTable`, where `infra` holds `new Infrastructure(...)`.
    if (to - from === 3 && a.isId(from) && a.isAccess(from + 1) && a.isId(from + 2)) {
      const holder = a.scopes.lookup(a.tokens.text(from), from);
      const made = holder && !holder.element && !holder.method && holder.expression >= 0 ? holder.expression : -1;
      if (made >= 0 && a.idIs(made, 'new') && a.isId(made + 1) && a.is(made + 2, '(')) {
        return { kind: 'member', class: a.tokens.text(made + 1), field: a.tokens.text(from + 2) };
      }
    }
    return null;
  }
}
