/**
 * Tables a Serverless service defines in resource fragments, and the environment variables that name them. A
 * service often keeps its tables in files of their own (`resources: - ${file(resources/dynamodb-table.yml)}`, or a
 * module `serverless.ts` spreads in: `Resources: { ...ordersTable }`) whose `TableName` is one of the service's
 * variables (`${self:custom.tableName}`, `${self:provider.environment.ORDERS_TABLE}`); its functions get the same
 * variable (`ORDERS_TABLE: ${self:custom.tableName}`), or a `Ref` to the table. The fragment cannot tell the value and
 * the service often cannot either (`${sls:stage}-orders`), but both are the one value once deployed: a variable whose
 * `self:` chain passes through the path the fragment's `TableName` names, or that references the table's logical id,
 * names the table. Only a fragment table under the service's folder, or in a file its `resources` includes
 * (`${file(../shared/tables.yml)}`), counts, the included first, and only when exactly one fits.
 * https://www.serverless.com/framework/docs/providers/aws/guide/resources, https://www.serverless.com/framework/docs/guides/variables
 */
import { CodeAnalyzer } from '../code/analyzer';
import { javascript, typescript } from '../code/languages/javascript';
import { resourceFragmentRoots } from '../code/serverlessScript';
import { unknownVariables } from '../iac/serverless';
import { entryOf, IacNode, refTarget, scalarText } from '../iac/tree';
import { LineIndex } from '../text';
import { TemplateIndexer } from './cloudformation';
import { emptyContribution } from './contribution';
import { folderOf, isWithin } from './paths';
import { mayDefineServiceFunction, serviceFunctions } from './serviceFunctionModules';
import { FileContribution, FunctionDefinition, ServiceOrigin, TableDefinition } from './types';

/** A `TableName` that is one `self:` variable and nothing else, as a fragment writes it. */
const SINGLE_SELF = /^\$\{self:([A-Za-z0-9_.-]+)\}$/;

/** A value as written: a string, or the text an unknown value keeps (`unknownVariables` turns `${self:…}` into an expression). */
function writtenText(node: IacNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.tag) {
    return undefined;
  }
  return node.literal.kind === 'str' ? node.literal.value : node.literal.kind === 'expr' ? node.literal.text : undefined;
}

/**
 * Marks the tables of a resource fragment's template as the fragment's, with the `self:` path each `TableName` is
 * written as. `whole`: the file is a fragment by its shape (one resource, or resources by logical id, which no stack
 * is); a file of template shape (`Resources:`) may be a stack of its own, and only a `TableName` written as a
 * Serverless variable, which no stack has, makes its table a fragment's.
 */
export function markFragmentTables(tables: TableDefinition[], root: IacNode | undefined, whole: boolean): void {
  const resources = entryOf(root, 'Resources')?.value;
  for (const table of tables) {
    const name = writtenText(entryOf(entryOf(entryOf(resources, table.logicalName)?.value, 'Properties')?.value, 'TableName')?.value);
    const variable = name === undefined ? undefined : SINGLE_SELF.exec(name)?.[1];
    if (variable !== undefined) {
      table.fragment = { variable };
    } else if (whole) {
      table.fragment = {};
    }
  }
}

/** Whether a YAML or JSON file is a fragment by its shape: a top level without `Resources` (one resource, or resources by logical id). */
export function isFragmentShape(root: IacNode | undefined): boolean {
  return root?.kind === 'map' && entryOf(root, 'Resources') === undefined;
}

/**
 * Where a service's environment variable the reader could not follow comes from, for a fragment's table to match:
 * its `self:` chain, and the logical id the value references; undefined when there is neither.
 */
export function serviceOrigin(node: IacNode | undefined, chain: readonly string[] | undefined): ServiceOrigin | undefined {
  const logicalName = refTarget(node) ?? getAttName(node);
  if (!chain && logicalName === undefined) {
    return undefined;
  }
  return { kind: 'service', paths: chain ?? [], ...(logicalName !== undefined ? { logicalName } : {}) };
}

/** `Fn::GetAtt: [Table, Arn]`, `!GetAtt Table.Arn`: the logical id. */
function getAttName(node: IacNode | undefined): string | undefined {
  if (node?.kind === 'scalar' && node.tag === 'GetAtt' && node.literal.kind === 'str') {
    return node.literal.value.split('.')[0];
  }
  const argument = node?.kind === 'map' && node.entries.length === 1 && node.entries[0].key === 'Fn::GetAtt' ? node.entries[0].value : undefined;
  return argument?.kind === 'list' ? scalarText(argument.items[0]) : argument ? scalarText(argument)?.split('.')[0] : undefined;
}

/** The fragment tables of the workspace, per union of tables: read once per model build. */
const fragmentsOf = new WeakMap<readonly TableDefinition[], TableDefinition[]>();

/** The table of a resource fragment under the function's service folder that the value names; undefined unless exactly one. */
export function fragmentTable(tables: readonly TableDefinition[], fn: FunctionDefinition, value: ServiceOrigin): TableDefinition | undefined {
  let fragments = fragmentsOf.get(tables);
  if (!fragments) {
    fragments = tables.filter((table) => table.fragment !== undefined);
    fragmentsOf.set(tables, fragments);
  }
  const folder = folderOf(fn.definedAt.file);
  const includes = new Set(value.includes);
  const fitting = fragments.filter(
    (table) =>
      (isWithin(folder, table.definedAt.file) || includes.has(table.definedAt.file)) &&
      ((table.fragment!.variable !== undefined && value.paths.includes(table.fragment!.variable)) || (value.logicalName !== undefined && table.logicalName === value.logicalName)),
  );
  // A fragment the service includes by `${file(...)}` is its own: other fragments under its folder belong to other services or none.
  const included = fitting.filter((table) => includes.has(table.definedAt.file));
  const chosen = included.length > 0 ? included : fitting;
  return chosen.length === 1 ? chosen[0] : undefined;
}

/**
 * Whether a JavaScript or TypeScript module's text may hold a Serverless service's resources (a resource type, and a
 * Serverless variable or type) or one of its functions (`serviceFunctionModules.ts`).
 */
export function mayHoldServiceResources(text: string): boolean {
  return (text.includes('AWS::') && (text.includes('${self:') || text.includes('@serverless/typescript') || text.includes('serverless/aws'))) || mayDefineServiceFunction(text);
}

/** The tables and databases of the resources a module declares for a service to spread in (`code/serverlessScript.ts`), as fragments. */
export function indexResourceModule(file: string, kind: 'javascript' | 'typescript', text: string): FileContribution | undefined {
  const lines = new LineIndex(text);
  const a = new CodeAnalyzer(text, kind === 'typescript' ? typescript : javascript, lines);
  a.bind();
  const contribution = emptyContribution();
  if (mayDefineServiceFunction(text)) {
    contribution.functions.push(...serviceFunctions(a, file, lines, (node) => serviceOrigin(node, undefined)));
  }
  for (const root of resourceFragmentRoots(a)) {
    const template = unknownVariables(root);
    const indexer = new TemplateIndexer(file, lines, template);
    indexer.index();
    markFragmentTables(indexer.contribution.tables, template, true);
    contribution.tables.push(...indexer.contribution.tables);
    contribution.databases.push(...indexer.contribution.databases);
  }
  return contribution.tables.length > 0 || contribution.databases.length > 0 || contribution.functions.length > 0 ? contribution : undefined;
}
