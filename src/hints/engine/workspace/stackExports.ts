/**
 * Security groups that one CloudFormation stack exports and others import, for the open-ingress rules (see
 * `iac/groupUse.ts`). A template's `Outputs` entry with an `Export` makes its value importable by the other stacks
 * of the account and Region with `Fn::ImportValue` of that export name
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html).
 * So a group its own template attaches to nothing is exposed by a rule only as far as the resources that import
 * it: an ECS service's group open to the internet, imported only by services, guards no database even though
 * another template of the project declares one. `Fn::GetStackOutput` reads an output by stack and output name,
 * export or not (same page): a resource that uses it may take any exported group.
 *
 * Export names are mostly computed from the stack name (`!Join [':', [!Ref 'AWS::StackName', 'Sg']]` exported,
 * `!Join [':', [!Ref NetworkStackName, 'Sg']]` imported, or the `!Sub '${AWS::StackName}-Sg'` forms), so a name
 * is read as a pattern: its literal parts, with `*` for every reference or variable. An import whose name has
 * no literal part may import anything: it counts for every exported group that some import names.
 */
import { intrinsic } from '../iac/conditions';
import { EXPOSES_EITHER, exposureOf } from '../iac/groupUse';
import { entryOf, IacNode, refTarget, scalarText } from '../iac/tree';
import { FileContribution } from './types';

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
/** Resources that hand what they import to a child template, which may put a database behind it. */
const NESTED_STACKS = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);
/** A pattern made only of references: it may be any export's name. */
const ANY = '*';
/** Names nested deeper than this are not read (real templates nest two or three functions). */
const MAX_DEPTH = 6;

/** An export or import name as a pattern: literal text, `*` for each part that is not literal. */
export function namePattern(node: IacNode | undefined, depth = 0): string {
  const text = scalarText(node);
  if (text !== undefined) {
    return text;
  }
  const call = intrinsic(node);
  if (!call || depth >= MAX_DEPTH) {
    return ANY;
  }
  const { name, argument } = call;
  if (name === 'Sub') {
    const template = argument.kind === 'list' ? argument.items[0] : argument;
    const written = template?.kind === 'scalar' && template.literal.kind === 'str' ? template.literal.value : undefined;
    return written === undefined ? ANY : collapse(written.replace(/\$\{[^!}][^}]*\}/g, ANY));
  }
  if (name === 'Join' && argument.kind === 'list' && argument.items.length === 2 && argument.items[1].kind === 'list') {
    const separator = scalarText(argument.items[0]) ?? ANY;
    return collapse(argument.items[1].items.map((part) => namePattern(part, depth + 1)).join(separator));
  }
  return ANY;
}

function collapse(pattern: string): string {
  return pattern.replace(/\*+/g, ANY);
}

/**
 * Whether two patterns may be the same name: equal, one literal that the other's `*`s can make, or two whose
 * literal starts and ends agree (`*:Sg` and `prod-*:Sg`).
 */
function mayMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const [pattern, literal] = a.includes(ANY) ? [a, b] : [b, a];
  if (literal.includes(ANY)) {
    const [first, last] = [pattern.split(ANY), literal.split(ANY)];
    const starts = first[0].startsWith(last[0]) || last[0].startsWith(first[0]);
    const ends = first[first.length - 1].endsWith(last[last.length - 1]) || last[last.length - 1].endsWith(first[first.length - 1]);
    return starts && ends;
  }
  const expression = pattern.split(ANY).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`).test(literal);
}

/** The `Fn::ImportValue` names anywhere under `node`. */
function importedNames(node: IacNode | undefined, found: string[]): void {
  const call = intrinsic(node);
  if (call?.name === 'ImportValue' || call?.name === 'GetStackOutput') {
    found.push(call.name === 'ImportValue' ? namePattern(call.argument) : ANY);
    return;
  }
  if (node?.kind === 'map') {
    node.entries.forEach((entry) => importedNames(entry.value, found));
  } else if (node?.kind === 'list') {
    node.items.forEach((item) => importedNames(item, found));
  } else if (node?.argument) {
    importedNames(node.argument, found);
  }
}

/**
 * Notes on `contribution` the export names of the template's security groups and what its resources import: each
 * import name with what the importing resource may serve (`iac/groupUse.ts` bits: 0 for a resource other than a
 * database or cache, either kind for a nested stack). A group's own rules and other groups name peers, not consumers.
 */
export function noteStackExports(contribution: FileContribution, root: IacNode | undefined, text: string): void {
  const resources = entryOf(root, 'Resources')?.value;
  if (resources?.kind !== 'map' || (!text.includes('ImportValue') && !text.includes('Export') && !text.includes('GetStackOutput'))) {
    return;
  }
  const groups = new Set(resources.entries.filter((resource) => scalarText(entryOf(resource.value, 'Type')?.value) === SECURITY_GROUP).map((resource) => resource.key));
  const outputs = entryOf(root, 'Outputs')?.value;
  for (const output of groups.size > 0 && outputs?.kind === 'map' ? outputs.entries : []) {
    const value = entryOf(output.value, 'Value')?.value;
    const call = intrinsic(value);
    const group = refTarget(value) ?? (call?.name === 'GetAtt' ? getAttResource(call.argument) : undefined);
    const name = entryOf(entryOf(output.value, 'Export')?.value, 'Name')?.value;
    if (group !== undefined && groups.has(group) && name) {
      const exports = (contribution.groupExports ??= {});
      (exports[group] ??= []).push(namePattern(name));
    }
  }
  const imports = new Map<string, number>();
  for (const resource of resources.entries) {
    const type = scalarText(entryOf(resource.value, 'Type')?.value);
    const exposure = type !== undefined && NESTED_STACKS.has(type) ? EXPOSES_EITHER : exposureOf(type);
    const names: string[] = [];
    if (exposure !== undefined) {
      importedNames(entryOf(resource.value, 'Properties')?.value, names);
    }
    names.forEach((name) => imports.set(name, exposure! | (imports.get(name) ?? 0)));
  }
  if (imports.size > 0) {
    contribution.valueImports = Object.fromEntries(imports);
  }
}

function getAttResource(argument: IacNode): string | undefined {
  const first = argument.kind === 'list' ? argument.items[0] : argument;
  return first?.kind === 'scalar' && first.literal.kind === 'str' ? first.literal.value.split('.')[0] : undefined;
}

/** The workspace's exported groups and imports (see `noteStackExports`). */
export class StackExportIndex {
  private readonly exports = new Map<string, readonly string[]>();
  /** What the resources that import a name may serve, by import name pattern. */
  private readonly imports = new Map<string, number>();

  add(file: string, contribution: FileContribution): void {
    for (const [group, names] of Object.entries(contribution.groupExports ?? {})) {
      this.exports.set(`${file}\0${group}`, names);
    }
    for (const [name, exposure] of Object.entries(contribution.valueImports ?? {})) {
      this.imports.set(name, exposure | (this.imports.get(name) ?? 0));
    }
  }

  /**
   * What the resources of the workspace that import `group` of `file` may serve, as `iac/groupUse.ts` bits;
   * undefined when the template does not export it or no import names it.
   */
  groupUse(file: string, group: string): number | undefined {
    const names = this.exports.get(`${file}\0${group}`)?.filter((name) => name !== ANY);
    let use: number | undefined;
    for (const [imported, exposure] of this.imports) {
      if (imported !== ANY && names?.some((name) => mayMatch(name, imported))) {
        use = exposure | (use ?? 0);
      }
    }
    return use === undefined ? undefined : use | (this.imports.get(ANY) ?? 0);
  }
}
