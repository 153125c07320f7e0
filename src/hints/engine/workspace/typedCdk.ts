/**
 * CDK apps in Java, C# and Go for the workspace model: DynamoDB `Table` and `TableV2`, with the indexes that
 * `addGlobalSecondaryIndex` / `AddGlobalSecondaryIndex` add, and Lambda `Function`s (Go's `GoFunction` too) with their code and environment
 * (`environment(Map.of("TABLE", table.getTableName()))`, `Environment = new Dictionary<string, string> { ... }`,
 * Go's `Environment: &map[string]*string{"TABLE": table.TableName()}`, `addEnvironment`). The constructs are the ones
 * the per-file readers find (`code/languages/javaCdk.ts`, `csharpCdk.ts`, `goCdk.ts`); their props, read as CDK values (`typedCdkValues.ts`), make a table as TypeScript's props do
 * (`cdkTables.ts`). A reference to an existing table (`Table.fromTableName(...)`) creates nothing.
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-java.html
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-csharp.html
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-go.html
 */
import { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { csharp } from '../code/languages/csharp';
import { csharpCdkConstructs } from '../code/languages/csharpCdk';
import { go } from '../code/languages/go';
import { goCdkConstructs } from '../code/languages/goCdk';
import { java } from '../code/languages/java';
import { javaCdkConstructs } from '../code/languages/javaCdk';
import { OptionContext, OptionOccurrence } from '../model';
import { LineIndex } from '../text';
import { CdkValue, entry, lastNames } from './cdkSource';
import { CdkTableConstruct, cdkTable, cdkText } from './cdkTables';
import { isEnvironmentName, sourceRef } from './contribution';
import { ClassLinkReader } from './typedCdkClasses';
import { ValueReader } from './typedCdkValues';
import { readsEndpoint, RDS_ENDPOINT_TYPES } from './rdsEndpointMembers';
import { CdkClassLinks, EnvironmentValue, FileContribution, FunctionDefinition, SourceRef, TableIndex } from './types';

const TABLE_TYPES = new Map<string, CdkTableConstruct['kind']>([
  ['aws_dynamodb.Table', 'table'],
  ['aws_dynamodb.TableV2', 'table-v2'],
]);
/** Lambda's `Function`, and Go's `GoFunction` of `@aws-cdk/aws-lambda-go-alpha` (its `entry` the main package's folder or file). */
const FUNCTION_TYPES = new Set(['aws_lambda.Function', 'aws_lambda_go_alpha.GoFunction', 'aws_lambda_python_alpha.PythonFunction']);

const INDEX_METHODS = new Map<string, TableIndex['kind']>([
  ['addglobalsecondaryindex', 'gsi'],
  ['addlocalsecondaryindex', 'lsi'],
]);

/** Members of a table that name it to the API: Java's getters, C#'s properties, Go's methods. */
const TABLE_MEMBERS = new Set(['getTableName', 'getTableArn', 'TableName', 'TableArn']);

/**
 * Java `import software.amazon.awscdk...`, C# `using Amazon.CDK...` (or an alias): any CDK file, since a stack that
 * imports neither DynamoDB nor Lambda may still hand another class's table on (`typedCdkClasses.ts`); Go's import paths.
 */
const CDK_IMPORT = {
  java: /\bimport\s+software\.amazon\.awscdk\./,
  csharp: /\busing\s+(?:\w+\s*=\s*)?Amazon\.CDK\b/,
  go: /"github\.com\/aws\/aws-cdk-go\/(?:awscdk(?:\/v2)?\/aws(?:dynamodb|lambda)|awscdklambdagoalpha\/v2)"/,
};

interface FunctionConstruct {
  id?: string;
  props: CdkValue;
  definedAt: SourceRef;
  /** The variables `addEnvironment` adds, by name (undefined: not a literal). */
  added: { name: string | undefined; value: CdkValue }[];
  /** A PythonFunction, whose `entry` is a folder and `index` the file in it. */
  python?: boolean;
}

/** `table.addGlobalSecondaryIndex(`, C#'s `AddLocalSecondaryIndex(`, with or without the CDK imported. */
const INDEX_CALL = /\.\s*[aA]dd(?:Global|Local)SecondaryIndex\s*\(/;

/** Whether a Java, C# or Go file may define CDK tables or functions, or add an index to a table, before it is lexed. */
export function mayHoldTypedCdk(kind: 'java' | 'csharp' | 'go', text: string): boolean {
  return CDK_IMPORT[kind].test(text) || INDEX_CALL.test(text);
}

type TypedCdkContribution = Pick<FileContribution, 'tables' | 'functions' | 'cdkIndexedElsewhere' | 'cdkClassLinks'>;

/** The CDK tables and Lambda functions a Java, C# or Go file defines, or undefined when it defines none and adds no index elsewhere. */
export function indexTypedCdk(file: string, kind: 'java' | 'csharp' | 'go', text: string): TypedCdkContribution | undefined {
  const a = new CodeAnalyzer(text, kind === 'java' ? java : kind === 'csharp' ? csharp : go, new LineIndex(text));
  a.bind();
  const constructs = kind === 'java' ? javaCdkConstructs : kind === 'csharp' ? csharpCdkConstructs : goCdkConstructs;
  constructs(a);
  const reader = new ValueReader(a, kind);
  // The constructs by their class name's token, which the expression a variable holds starts at or leads to.
  const tables = new Map<number, CdkTableConstruct>();
  const functions = new Map<number, FunctionConstruct>();
  const databases = new Map<number, true>();
  for (const context of a.contexts.filter((candidate) => candidate.kind === 'cdk' && candidate.typeSpan)) {
    // A bare class name is one construct type per module a file uses whole (`Table` is `aws_lambda.Table` too): the known one counts.
    const name = a.tokensOf(context.anchor)[0];
    const tableKind = TABLE_TYPES.get(context.type);
    if (RDS_ENDPOINT_TYPES.has(context.type)) {
      databases.set(name, true);
    }
    if (tableKind || FUNCTION_TYPES.has(context.type)) {
      const construct = { ...constructOf(a, reader, file, name, context), indexes: [], added: [], ...(context.type === 'aws_lambda_python_alpha.PythonFunction' ? { python: true } : {}) };
      if (tableKind) {
        tables.set(name, { ...construct, kind: tableKind });
      } else {
        functions.set(name, construct);
      }
    }
  }
  const indexCalls = new Set<number>();
  let elsewhere = false;
  for (const context of a.contexts) {
    const option = context.kind === 'cdk' && !context.typeSpan && context.options.length === 1 ? context.options[0] : undefined;
    const indexKind = option && TABLE_TYPES.has(context.type) && INDEX_METHODS.get(option.norm);
    if (option && indexKind) {
      indexCalls.add(a.tokensOf(option.key)[0]);
      elsewhere = !addIndex(a, reader, tables, option, indexKind) || elsewhere;
    } else if (option?.norm === 'addenvironment' && FUNCTION_TYPES.has(context.type)) {
      addEnvironment(a, reader, functions, option);
    }
  }
  // An index added on a receiver the reader does not type (`stack.Table.AddGlobalSecondaryIndex(...)`) may be any table's.
  for (let k = 1; k < a.tokens.length; k++) {
    const kind = a.isId(k) && a.isAccess(k - 1) && a.is(k + 1, '(') && !indexCalls.has(k) ? INDEX_METHODS.get(a.tokens.text(k).toLowerCase()) : undefined;
    if (kind) {
      tables.forEach((table) => table.indexes.push({ props: undefined, kind }));
      elsewhere = true;
    }
  }
  const links = kind === 'go' ? undefined : classLinks(a, tables);
  const passed: CdkClassLinks['passed'] = [];
  const made = [...functions.values()].map((fn, index) => lambda(a, { tables, databases, links }, fn, (variable, parameter) => passed.push({ fn: index, variable, ...parameter })));
  const linked = links && (passed.length > 0 || links.constructions.length > 0 || Object.keys(links.fields).length > 0) ? { ...links.read(), passed } : undefined;
  if (tables.size === 0 && functions.size === 0 && !elsewhere && !linked) {
    return undefined;
  }
  return {
    tables: [...tables.values()].map((table) => cdkTable(file, a.lines, table)),
    functions: made,
    ...(elsewhere ? { cdkIndexedElsewhere: true as const } : {}),
    ...(linked ? { cdkClassLinks: linked } : {}),
  };
}

/** The file's side of tables handed between classes (`typedCdkClasses.ts`), with the tables of the file by logical name. */
function classLinks(a: CodeAnalyzer, tables: Map<number, CdkTableConstruct>): { reader: ClassLinkReader; constructions: CdkClassLinks['constructions']; fields: Record<string, string>; read: () => Omit<CdkClassLinks, 'passed'> } {
  const tableAt = (token: number): string | undefined => {
    // An expression that makes a table (`new Table(`, `Table.Builder.create(`), else a name that holds one.
    const held = constructAt(a, tables, token) ?? (a.isId(token) && !a.is(token + 1, '(') && !a.isAccess(token + 1) ? receiverOf(a, tables, token) : undefined);
    return held?.id;
  };
  const reader = new ClassLinkReader(a, tableAt);
  const constructions = reader.constructions();
  const fields = reader.fields();
  const classes = [...Array(a.scopes.size).keys()].filter((scope) => scope > 0 && a.scopes.kind(scope) === 'class').map((scope) => a.scopes.nameOfClass(scope)).filter((name): name is string => name !== undefined);
  return { reader, constructions, fields, read: () => ({ classes, fields, constructions }) };
}

/** `new Table(this, "Id", props)`, `Table.Builder.create(this, "Id")...build()`: the id (the second argument) and the props. */
function constructOf(a: CodeAnalyzer, reader: ValueReader, file: string, name: number, context: OptionContext): { id?: string; props: CdkValue; definedAt: SourceRef } {
  let open = name + 1;
  while (open < name + 6 && !a.is(open, '(')) {
    open++;
  }
  const id = a.is(open, '(') ? segments(a, open)[1] : undefined;
  const idValue = id ? reader.value(id[0], id[1]) : undefined;
  const props: CdkValue = { kind: 'object', entries: reader.entries(context.options), open: !context.complete, span: context.anchor };
  const definedAt = sourceRef(file, a.lines, idValue?.kind === 'string' ? idValue.span : context.anchor);
  return { props, definedAt, ...(idValue?.kind === 'string' ? { id: idValue.value } : {}) };
}

/**
 * `table.addGlobalSecondaryIndex(props)` on a variable or field that holds a table of the file; on any other
 * receiver (a parameter, a table another method made), no table of the file knows all its indexes. False then.
 */
function addIndex(a: CodeAnalyzer, reader: ValueReader, tables: Map<number, CdkTableConstruct>, option: OptionOccurrence, kind: TableIndex['kind']): boolean {
  const table = receiverOf(a, tables, a.tokensOf(option.key)[0] - 2);
  if (!table) {
    tables.forEach((unknown) => unknown.indexes.push({ props: undefined, kind }));
    return false;
  }
  const [start, end] = a.tokensOf(option.value);
  table.indexes.push({ props: reader.value(start, end), kind });
  return true;
}

/** `fn.addEnvironment("NAME", value)`; on a receiver that is no function of the file, nothing the model reads. */
function addEnvironment(a: CodeAnalyzer, reader: ValueReader, functions: Map<number, FunctionConstruct>, option: OptionOccurrence): void {
  const fn = receiverOf(a, functions, a.tokensOf(option.key)[0] - 2);
  const open = a.tokensOf(option.value)[0] - 1;
  const [name, value] = fn && a.is(open, '(') ? segments(a, open) : [];
  if (fn && name && value) {
    fn.added.push({ name: cdkText(reader.value(name[0], name[1])), value: reader.value(value[0], value[1]) });
  }
}

/** The construct of the file that the variable or `this.` field ending at token `name` holds. */
function receiverOf<T>(a: CodeAnalyzer, constructs: Map<number, T>, name: number): T | undefined {
  if (!a.isId(name)) {
    return undefined;
  }
  const text = a.tokens.text(name);
  const classScope = a.scopes.enclosing(name, ['class']);
  let binding;
  if (a.isAccess(name - 1)) {
    binding = a.idIs(name - 2, 'this') && !a.isAccess(name - 3) && classScope > 0 ? a.scopes.member(classScope, text, true) : undefined;
  } else {
    binding = a.scopes.lookup(text, name);
    // A field declared bare (`private final Table orders;`) and set in the constructor (`this.orders = ...`).
    if (binding && binding.expression < 0 && classScope > 0) {
      binding = a.scopes.member(classScope, text, true) ?? binding;
    }
  }
  return constructAt(a, constructs, binding && !binding.element && !binding.method ? binding.expression : -1);
}

/** The construct of the file an expression starting at token `expression` makes. */
function constructAt<T>(a: CodeAnalyzer, constructs: Map<number, T>, expression: number): T | undefined {
  // `new Table(`, `Table.Builder.create(`, `new Amazon.CDK.AWS.DynamoDB.Table(`: the class name before the first `(`.
  for (let k = expression; k >= 0 && k < expression + 16 && !a.is(k, '('); k++) {
    const construct = constructs.get(k);
    if (construct) {
      return construct;
    }
  }
  return undefined;
}

/** A Lambda function: `code(Code.fromAsset("path"))` (relative to the folder `cdk` runs in), its handler and environment. */
function lambda(a: CodeAnalyzer, constructs: FileConstructs, construct: FunctionConstruct, onPassed: (variable: string, parameter: { class: string; index: number }) => void): FunctionDefinition {
  const { props } = construct;
  const fn: FunctionDefinition = { logicalName: construct.id ?? '', format: 'cdk', codePaths: [], environment: {}, definedAt: construct.definedAt };
  const code = entry(props, 'code');
  // A GoFunction has no `code`: its `entry` names the main package.
  const asset = code?.kind === 'call' && /^Code\.[fF]romAsset$/.test(lastNames(code, 2) ?? '') ? cdkText(code.args[0]) : code ? undefined : cdkText(entry(props, 'entry'));
  // Kept as written: the model joins it to each folder above the stack (`../lambda` from an app in `infra/`).
  if (asset) {
    fn.codePathsFromApp = [asset];
  }
  const handler = cdkText(entry(props, 'handler'));
  const index = construct.python ? cdkText(entry(props, 'index')) : undefined;
  if (asset && construct.python) {
    // A PythonFunction: `Entry` the folder, `Index` the file in it (index.py), `Handler` its function (handler).
    fn.codePathsFromApp = [`${asset}/${index ?? 'index.py'}`];
    fn.handler = `${(index ?? 'index.py').replace(/\.py$/, '')}.${handler ?? 'handler'}`;
  } else if (handler) {
    fn.handler = handler;
  }
  const environment = entry(props, 'environment');
  // A builder left in a variable may set the environment later; an environment not written as a map, any variable.
  if (props.kind === 'object' && props.open) {
    fn.environmentUnreadable = true;
  }
  if (environment && (environment.kind !== 'object' || environment.open)) {
    fn.environmentUnreadable = true;
  }
  // Later settings win.
  const variables = new Map<string, CdkValue>();
  for (const { name, value } of [...(environment?.kind === 'object' ? environment.entries : []), ...construct.added]) {
    if (name === undefined) {
      fn.environmentUnreadable = true;
    } else if (isEnvironmentName(name)) {
      variables.set(name, value);
    }
  }
  for (const [name, value] of variables) {
    const setting = environmentValue(a, constructs, value);
    const parameter = setting ? undefined : passedTable(a, constructs, value);
    if (setting) {
      fn.environment[name] = setting;
    } else {
      if (parameter) {
        onPassed(name, parameter);
      }
      (fn.unknownEnvironment ??= []).push(name);
    }
  }
  return fn;
}

/** The tables and the RDS databases of the file, by their class name's token. */
interface FileConstructs {
  tables: Map<number, CdkTableConstruct>;
  databases: Map<number, true>;
  links?: { reader: ClassLinkReader };
}

/** `table.TableName` (Java's `table.getTableName()`) of a table a constructor parameter holds, kept as the parameter (`typedCdkPassed.ts` follows it). */
function passedTable(a: CodeAnalyzer, { links }: FileConstructs, value: CdkValue): { class: string; index: number } | undefined {
  const names = tableMemberPath(a, value);
  if (!links || !names || (names.length !== 2 && !(names.length === 3 && names[0] === 'this'))) {
    return undefined;
  }
  const at = (value as { at: number }).at;
  return links.reader.parameterOf(at + 2 * (names.length - 2));
}

/** The names of a path or call that reads a table's name or ARN member (`table.TableName`, `table.getTableName()`). */
function tableMemberPath(a: CodeAnalyzer, value: CdkValue): string[] | undefined {
  const names = value.kind === 'path' || (value.kind === 'call' && value.args.length === 0) ? (value.kind === 'path' ? value.names : value.callee) : [];
  const member = names[names.length - 1];
  if (names.length < 2 || !TABLE_MEMBERS.has(member) || (value.kind === 'call') !== (member.startsWith('get') || a.language.family === 'go')) {
    return undefined;
  }
  return names;
}

/**
 * A literal, a table of the file named by Java's `table.getTableName()`, C#'s `table.TableName` or Go's `table.TableName()`,
 * or the endpoint address of an RDS database of the file (`rdsEndpointMembers.ts`).
 */
function environmentValue(a: CodeAnalyzer, { tables, databases }: FileConstructs, value: CdkValue): EnvironmentValue | undefined {
  const text = cdkText(value);
  if (text !== undefined) {
    return { kind: 'literal', value: text };
  }
  if (readsEndpoint(a, value, (receiver) => receiverOf(a, databases, receiver) !== undefined)) {
    return { kind: 'rds-endpoint' };
  }
  const names = tableMemberPath(a, value);
  if (!names) {
    return undefined;
  }
  const at = (value as { at: number }).at;
  const table = receiverOf(a, tables, at + 2 * (names.length - 2));
  return table?.id !== undefined ? { kind: 'table', logicalName: table.id } : undefined;
}
