/**
 * Check-then-put in Go (`checkThenPutTyped.ts`): aws-sdk-go-v2 (and v1) `GetItem` tested with
 * `out.Item != nil` or `len(out.Item) > 0`, and a Put whose item may be `attributevalue.MarshalMap` of a
 * struct literal: its fields are the attributes the file's struct type names in `dynamodbav` tags, or the
 * field names when untagged. A field tagged only for JSON is named by its JSON tag where v1's
 * `dynamodbattribute` marshals it (its encoder reads JSON tags by default), and unknown for v2's
 * `attributevalue`, whose encoder can be told to read them.
 */
import type { CodeAnalyzer } from '../analyzer';
import { CheckThenPutDialect } from '../checkThenPutTyped';
import { FileMemo } from '../fileMemo';
import { rmwGo } from './rmwGo';

/** Each struct type's attributes, read once per file: every Put of a marshalled struct asks. */
const STRUCTS = new FileMemo<string, Map<string, string> | undefined>();
const UNWRAPS = [/^& types \. AttributeValueMember[A-Z]+ \{ Value : (.+) \}$/, /^& dynamodb \. AttributeValue \{ [A-Z]+ : (.+) \}$/, /^\{ [A-Z]+ : (.+) \}$/, /^aws \. String \( (.+) \)$/];

export const ctpGo: CheckThenPutDialect = {
  rmw: rmwGo,
  presenceMember: () => -1,
  responseItem: (a, p) => rmwGo.itemMember(a, p),
  countMember: () => -1,
  emptyMember: () => undefined,
  unwrap(text) {
    // `&dynamodb.AttributeValue{S: aws.String(email)}`: two wrappers.
    let value = text;
    for (let pass = 0; pass < 2; pass++) {
      const inner = UNWRAPS.map((pattern) => pattern.exec(value)?.[1]).find((found) => found !== undefined);
      value = inner ?? value;
    }
    return value;
  },
  wrapperWords: new Set(['types', 'aws', 'dynamodb', 'map', 'string', 'bool']),
  mapperKey: () => undefined,
  plainClass: () => false,
  structAttributes: (a, type, jsonTags) => STRUCTS.get(a, jsonTags ? `${type} json` : type, () => structAttributes(a, type, jsonTags)),
};

/** The attribute of each field of the struct type `name` declared in this file (by its JSON tag too when `jsonTags`), or undefined when the file declares none. */
function structAttributes(a: CodeAnalyzer, name: string, jsonTags: boolean): Map<string, string> | undefined {
  for (let k = 0; k + 3 < a.tokens.length; k++) {
    if (!a.idIs(k, 'type') || !a.idIs(k + 1, name) || !a.idIs(k + 2, 'struct') || !a.is(k + 3, '{')) {
      continue;
    }
    const found = new Map<string, string>();
    const close = a.partner[k + 3];
    for (let f = k + 4; f < close; f++) {
      if (!a.startsLine(f) || !a.isId(f) || a.parent[f] !== k + 3) {
        continue;
      }
      let tag: string | undefined;
      for (let t = f + 1; t < close && !a.startsLine(t); t++) {
        tag = a.isString(t) ? a.tokens.text(t) : tag;
      }
      const attribute = tag === undefined ? a.tokens.text(f) : (/dynamodbav:"([^",]*)/.exec(tag)?.[1] ?? (jsonTags ? /json:"([^",]*)/.exec(tag)?.[1] : undefined));
      if (attribute !== undefined && attribute !== '-') {
        found.set(a.tokens.text(f), attribute === '' ? a.tokens.text(f) : attribute);
      } else if (tag !== undefined && !/json:/.test(tag)) {
        found.set(a.tokens.text(f), a.tokens.text(f));
      }
    }
    return found;
  }
  return undefined;
}
