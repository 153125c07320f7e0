/**
 * boto3's own type hint that names no service: `boto3.resources.base.ServiceResource` is the base class of every
 * service resource (https://boto3.amazonaws.com/v1/documentation/api/latest/guide/resources.html), so a name typed
 * with it may be S3's, SQS's or DynamoDB's. Of the services that have resources only DynamoDB's has a `Table`
 * sub-resource, so it is read as a resource of an unnamed service whose `Table(...)` alone is known
 * (`{ t: 'boto3-resource' }`, as `boto3.resource(name)` with the service in a variable).
 */
import type { CodeAnalyzer } from '../analyzer';
import type { Value } from '../values';

const BASE_MODULE = 'boto3.resources.base';

/** The dotted name a type hint at `k` writes: `ServiceResource`, `base.ServiceResource`, or the same in quotes. */
function dottedName(a: CodeAnalyzer, k: number): string[] {
  if (a.isString(k)) {
    return a.tokens.text(k).trim().split('.');
  }
  const parts: string[] = [];
  for (let end = k; a.id(end) !== undefined; end += 2) {
    parts.push(a.tokens.text(end));
    if (!a.isAccess(end + 1)) {
      break;
    }
  }
  return parts;
}

/** `{ t: 'boto3-resource' }` when the type hint at `k` names boto3's generic `ServiceResource`, imported or by its module path. */
export function boto3GenericResourceType(a: CodeAnalyzer, k: number): Value | undefined {
  const parts = dottedName(a, k);
  if (parts[parts.length - 1] !== 'ServiceResource') {
    return undefined;
  }
  const root = a.imports.get(parts[0]);
  if (!root) {
    return undefined;
  }
  const rootPath = root.path ? `${root.module}.${root.path}` : root.module;
  const named = [rootPath, ...parts.slice(1)].join('.');
  return named === `${BASE_MODULE}.ServiceResource` ? { t: 'boto3-resource' } : undefined;
}
