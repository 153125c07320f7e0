/**
 * Resource fragments: YAML or JSON files that a Serverless Framework service includes with `${file(...)}`
 * instead of writing its resources inline. Each is recognised by its shape alone, so that a fragment
 * opened by itself, or checked with `--no-workspace`, reads as the same resources inline would:
 * - one resource: a top level with `Type: AWS::Service::Resource`, `Properties` and only other resource
 *   attributes (`resources: Resources: Orders: ${file(orders.yml)}`);
 * - several resources: a top level of logical ids whose values are all resources
 *   (`resources: Resources: ${file(tables.yml)}`);
 * - a `Resources:` map, with `Outputs:` and the like, which is already a template's shape.
 * Nothing else counts: a file with any other top-level key (`apiVersion`, `kind`, `services`, `jobs`...)
 * is not a fragment. Serverless variables in a file that is not a service file have no `self:` to follow
 * (the including service decides them, possibly per stage), so each is an unknown value.
 * https://www.serverless.com/framework/docs/providers/aws/guide/resources
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-product-attribute-reference.html
 */
import { unknownVariables } from './serverless';
import { entryOf, IacEntry, IacMap, IacNode, scalarText } from './tree';

/** The keys a resource may have besides `Type`: `Properties` and the resource attributes. */
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'CreationPolicy', 'UpdatePolicy']);

function isAlphanumeric(text: string): boolean {
  if (text.length === 0 || text.length > 255) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
      return false;
    }
  }
  return true;
}

/** `AWS::Service::Resource` (a third or fourth part is allowed, as in `AWS::Serverless::Function`); never `Custom::` or a third-party type. */
function isAwsType(type: string | undefined): boolean {
  const parts = type?.split('::');
  return parts !== undefined && parts[0] === 'AWS' && parts.length >= 3 && parts.length <= 4 && parts.slice(1).every(isAlphanumeric);
}

/** A map with an AWS `Type` and no key that a resource cannot have. */
function isResource(node: IacNode | undefined): node is IacMap {
  return node?.kind === 'map' && isAwsType(scalarText(entryOf(node, 'Type')?.value)) && node.entries.every((entry) => RESOURCE_KEYS.has(entry.key));
}

/** A file that is one resource, as a template's resources under `logicalId`. */
function singleResource(root: IacMap, logicalId: string): IacEntry[] | undefined {
  const type = entryOf(root, 'Type');
  if (!type || !isResource(root) || !entryOf(root, 'Properties')) {
    return undefined;
  }
  // The logical id is written in the service file; the `Type` key stands for it where findings anchor.
  return [{ key: logicalId, keySpan: type.keySpan, value: root, removal: root.span }];
}

/** A file of several resources by logical id, every one of them a resource. */
function resourceMap(root: IacMap): IacEntry[] | undefined {
  const all = root.entries.length > 0 && root.entries.every((entry) => isAlphanumeric(entry.key) && isResource(entry.value));
  return all ? root.entries : undefined;
}

/**
 * The CloudFormation template a YAML or JSON document that is not a Serverless service file stands
 * for: a template as written, or a resource fragment as a template of its resources, with every
 * Serverless variable unknown. A file of one resource does not say its logical id (the service file
 * does): `logicalId` stands for it, by default one that no `Ref` can name.
 */
export function templateRoot(root: IacNode | undefined, logicalId = ''): IacNode | undefined {
  if (root?.kind !== 'map') {
    return root;
  }
  const resources = singleResource(root, logicalId) ?? resourceMap(root);
  if (!resources) {
    return unknownVariables(root);
  }
  const section: IacMap = { kind: 'map', span: root.span, entries: resources };
  return unknownVariables({ kind: 'map', span: root.span, entries: [{ key: 'Resources', keySpan: root.span, value: section, removal: root.span }] });
}
