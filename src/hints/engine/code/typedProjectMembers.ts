/**
 * Python: a member of a value annotated with a class of the project, where that class sets the member only to
 * what is of unknown origin. A repository given `resource: LambdaDynamoDB` (its own `self.resource = resource`)
 * calls `self.resource.table.scan(...)`, and `LambdaDynamoDB` sets `self.table = self.resource.Table(name)`
 * over an entry of the dict it is given: the annotation names the project's own class, which says nothing of
 * the client its member holds, so `table` is no better known than in that class, and its requests still need
 * keys only DynamoDB takes (`requestShapes.ts`). The class is the file's own or one it imports from another
 * module (workspace mode: the fields of unknown origin the workspace records for it).
 */
import type { CodeAnalyzer } from './analyzer';
import { importedFieldOfUnknownOrigin } from './projectImports';
import { fieldOfUnknownOrigin, parameterClassAnnotation } from './requestShapes';

/** How many locals and fields are followed back to the annotated parameter. */
const MAX_HOPS = 3;

/**
 * Whether the chain `start`..`end` is `param.member` or `self.field.member`, where the parameter (or every
 * value of the field) is a parameter annotated with a project class whose `member` is of unknown origin.
 */
export function annotatedMemberOfUnknownOrigin(a: CodeAnalyzer, start: number, end: number, hops: number): boolean {
  if (a.language.id !== 'python' || hops >= MAX_HOPS) {
    return false;
  }
  const self = a.idIs(start, 'self');
  const member = a.id(end);
  if (end !== start + (self ? 4 : 2) || member === undefined) {
    return false;
  }
  const types = self ? fieldAnnotations(a, start) : parameterAnnotations(a, start, start);
  return types !== undefined && types.length > 0 && types.every((type) => classMemberOfUnknownOrigin(a, type, member, hops));
}

/** The class annotation of the parameter `name` (at `use`) names, as a one-element list; undefined for any other binding. */
function parameterAnnotations(a: CodeAnalyzer, name: number, use: number): number[] | undefined {
  const binding = a.scopes.lookup(a.tokens.text(name), use);
  const type = binding && binding.fixed === undefined ? parameterClassAnnotation(a, binding) : undefined;
  return type === undefined ? undefined : [type];
}

/** The class annotations of the parameters `self.<field>` is set from, each assignment a parameter alone; undefined when one is anything else. */
function fieldAnnotations(a: CodeAnalyzer, self: number): number[] | undefined {
  const classScope = a.scopes.enclosing(self, ['class']);
  const field = a.id(self + 2);
  if (classScope <= 0 || field === undefined) {
    return undefined;
  }
  const types: number[] = [];
  for (const binding of a.scopes.memberBindings(classScope, field)) {
    const value = binding.expression;
    const alone = value >= 0 && a.isId(value) && !a.isAccess(value + 1) && !a.is(value + 1, '(') && !a.is(value + 1, '[');
    const type = alone ? parameterAnnotations(a, value, value) : undefined;
    if (!type) {
      return undefined;
    }
    types.push(...type);
  }
  return types;
}

/** Whether the class the name at `type` stands for (the file's own, or one it imports) sets `member` only to what is of unknown origin. */
function classMemberOfUnknownOrigin(a: CodeAnalyzer, type: number, member: string, hops: number): boolean {
  const name = a.tokens.text(type);
  const value = a.evalChain(type, type + 1).value;
  if (value?.t === 'instance' && value.classObject) {
    return fieldOfUnknownOrigin(a, value.classScope, member, hops + 1);
  }
  const imported = a.imports.get(name);
  return imported !== undefined && importedFieldOfUnknownOrigin(a, imported.module, imported.path, member);
}
