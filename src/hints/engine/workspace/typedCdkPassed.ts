/**
 * The model's side of tables handed between the classes of a Java or C# CDK app (`typedCdkClasses.ts`): a function
 * variable that names the table a constructor parameter holds takes the table every construction of that class
 * passes there, followed through fields of objects of other classes (`infra.SequencesTable`, a field its class
 * assigns one table once) and through parameters handed on (a construct that passes its own parameter to another),
 * a few steps deep. A class two files declare, a class never constructed, or two constructions passing different
 * tables give nothing: the variable stays unknown.
 */
import type { CdkClassLinks, CdkPassedValue, EnvironmentValue, FileContribution } from './types';

/** How many parameters handed on are followed. */
const MAX_DEPTH = 4;

type Found = Extract<EnvironmentValue, { kind: 'table' }>;

/** The contributions with each followed variable set to its table, of the file that makes it. */
export function withPassedTables(entries: [string, FileContribution][]): [string, FileContribution][] {
  if (!entries.some(([, contribution]) => contribution.cdkClassLinks?.passed.length)) {
    return entries;
  }
  const declared = new Map<string, number>();
  const fields = new Map<string, Found>();
  const constructions = new Map<string, { file: string; args: CdkClassLinks['constructions'][number]['args'] }[]>();
  for (const [file, { cdkClassLinks: links }] of entries) {
    links?.classes.forEach((name) => declared.set(name, (declared.get(name) ?? 0) + 1));
    Object.entries(links?.fields ?? {}).forEach(([field, logicalName]) => fields.set(field, { kind: 'table', logicalName, file }));
    links?.constructions.forEach(({ class: name, args }) => constructions.set(name, [...(constructions.get(name) ?? []), { file, args }]));
  }
  const unique = (name: string): boolean => declared.get(name) === 1;
  const parameter = (name: string, index: number, depth: number): Found | undefined => {
    const made = unique(name) && depth <= MAX_DEPTH ? (constructions.get(name) ?? []) : [];
    const found = made.map(({ file, args }) => passed(args[index], file, depth));
    const first = found[0];
    return first && found.every((table) => table && table.logicalName === first.logicalName && table.file === first.file) ? first : undefined;
  };
  const passed = (value: CdkPassedValue | null | undefined, file: string, depth: number): Found | undefined => {
    if (!value) {
      return undefined;
    }
    if (value.kind === 'table') {
      return { kind: 'table', logicalName: value.logicalName, file };
    }
    if (value.kind === 'member') {
      return unique(value.class) ? fields.get(`${value.class}.${value.field}`) : undefined;
    }
    return parameter(value.class, value.index, depth + 1);
  };
  return entries.map(([file, contribution]) => {
    const links = contribution.cdkClassLinks;
    if (!links?.passed.length) {
      return [file, contribution];
    }
    const functions = contribution.functions.map((fn) => ({ ...fn, environment: { ...fn.environment } }));
    for (const { fn, variable, class: name, index } of links.passed) {
      const table = parameter(name, index, 0);
      if (table && functions[fn]) {
        functions[fn].environment[variable] = table;
        functions[fn].unknownEnvironment = functions[fn].unknownEnvironment?.filter((unknown) => unknown !== variable);
      }
    }
    return [file, { ...contribution, functions }];
  });
}
