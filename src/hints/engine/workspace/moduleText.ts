/**
 * What the readers of a module's text share: character tests, and the last step of cutting a module down
 * to its module-level statements, which keeps the functions and classes that the kept statements name.
 * The readers run on every candidate file of a workspace before it is lexed: single passes with bounded
 * look-ahead, so that indexing stays light and linear.
 */

export const NEWLINE = 10;
export const SPACE = 32;
const TAB = 9;
export const EQUALS = 61;

/** 2 for a character that may start an identifier (`A-Z a-z _ $`), 1 for a digit, 0 for the rest of ASCII. */
const IDENTIFIER = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  IDENTIFIER[code] = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 ? 2 : code >= 48 && code <= 57 ? 1 : 0;
}

export function isIdentifierStart(code: number): boolean {
  return code < 128 && IDENTIFIER[code] === 2;
}

export function isIdentifierPart(code: number): boolean {
  return code < 128 && IDENTIFIER[code] !== 0;
}

export function skipSpace(text: string, from: number): number {
  let k = from;
  while (k < text.length && text.charCodeAt(k) <= SPACE) {
    k++;
  }
  return k;
}

/** The first character from `from` that is no space or tab, or `end`: one line's indentation, never past the line. */
export function skipIndent(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) {
    k++;
  }
  return k;
}

/** The identifier that starts at `from` (at most 64 characters), or `''`. */
export function wordAt(text: string, from: number): string {
  let k = from;
  while (k < text.length && k - from < 64 && isIdentifierPart(text.charCodeAt(k))) {
    k++;
  }
  return text.slice(from, k);
}

/**
 * What an item helper other modules call holds (`getUser(id)`, `save_user(user)`, `delete_play(id)`; `itemHelpers.ts`):
 * a DynamoDB item read or delete as the JavaScript SDKs and boto3 name it (`documents.get(params).promise()` too), or
 * an item put as a variable (`Item: user`, `Item=user`, `{ TableName, Item }`), which a loop over the helper's calls
 * also waits on (`importedItemLoops.ts`). A handler that puts an item it writes out in place (`Item: { id, status }`)
 * serves no other module.
 */
export const ITEM_CALL =
  /\b(?:(?:Get|Delete)(?:Item)?Command|(?:get|delete)Item|(?:get|delete)_item)\b|\.(?:get|delete)\(\s*(?:\{|[\w$.]+\)\.promise\()|\bItem\s*[:=]\s*[A-Za-z_$][\w$]*\s*[,)}\r\n]|[{,]\s*Item\s*[,}]/;

/**
 * A function that may send its parameter whole as a DynamoDB request (`importedRequestForwards.ts`): into a
 * command (`new ScanCommand(params)`, `new QueryCommand({ ...input })`), a document client's or client's method
 * (`client.put(params)`, `client.query(params, callback)`), or a project function called with the method's name
 * (`dynamoDBOperation('put', params)`).
 */
export const REQUEST_FORWARD =
  /\b[A-Z]\w*Command\(\s*(?:[\w$]+\s*\)|\{\s*\.\.\.)|\.(?:get|put|update|delete|query|scan|batchGet|batchWrite|transactGet|transactWrite|(?:get|put|update|delete|batchGet|batchWrite)Item|transact(?:Get|Write)Items)\(\s*[\w$]+\s*[,)]|\(\s*['"](?:get|put|update|delete|query|scan|batchGet|batchWrite|transactGet|transactWrite)['"]\s*,\s*[\w$]+\s*\)/;

/**
 * A search for a value beside a module's item helpers (`findByEmail(email)`: a Query on an index, a Scan's filter,
 * boto3's `Key("email").eq(email)`), which callers may use as a uniqueness check (`checkThenPutHelpers.ts`).
 */
const SEARCH_CALL = /\b(?:IndexName|FilterExpression)\b|\b(?:Key|Attr)\(\s*["'][\w.-]+["']\s*\)\s*\.\s*eq\(/g;

/**
 * Where the text names a DynamoDB item read or a variable put as an item (`ITEM_CALL`) or sends a parameter as a
 * request (`REQUEST_FORWARD`), in order; in a text that names an item read or write, also where it searches for a
 * value (`SEARCH_CALL`): a repository's `findByEmail` beside its `save`.
 */
export function itemCallSites(text: string): number[] {
  const sites: number[] = [];
  const calls = new RegExp(ITEM_CALL.source, 'g');
  for (let match = calls.exec(text); match; match = calls.exec(text)) {
    sites.push(match.index);
  }
  if (sites.length > 0) {
    SEARCH_CALL.lastIndex = 0;
    for (let match = SEARCH_CALL.exec(text); match; match = SEARCH_CALL.exec(text)) {
      sites.push(match.index);
    }
  }
  // A function that sends its parameter as a request serves its callers' requests (`importedRequestForwards.ts`).
  const forwards = new RegExp(REQUEST_FORWARD.source, 'g');
  for (let match = forwards.exec(text); match; match = forwards.exec(text)) {
    sites.push(match.index);
  }
  return sites.sort((x, y) => x - y);
}

/** Past this many definitions, the kept statements are read name by name rather than searched once per definition. */
const MAX_SEARCHED = 64;

/** A top-level statement of a module, and whether it is kept for itself. */
export interface TopStatement {
  start: number;
  end: number;
  /** Kept whatever else is kept (an import, an assignment, an export). */
  kept: boolean;
  /** The function or class the statement defines: kept only when a kept statement names it. */
  defines?: string;
  /** The definition is exported: it may be kept for itself (`jsMakerCallers.ts`). */
  exported?: true;
}

/**
 * The kept statements joined into a new string that starts on a blank line: pieces of the file, or one
 * piece alone, would keep the file's whole text alive as long as the model keeps them.
 */
function joined(text: string, statements: readonly TopStatement[], kept: readonly boolean[]): string {
  const pieces = ['\n'];
  for (let index = 0; index < statements.length; index++) {
    if (kept[index]) {
      pieces.push(text.slice(statements[index].start, statements[index].end));
    }
  }
  return pieces.join('');
}

/**
 * The text of the kept statements, in order, together with every definition that a kept statement (or a
 * definition kept so) names: `client = make_client()` keeps `def make_client`, and what that names in turn.
 */
export function keptText(text: string, statements: readonly TopStatement[]): string {
  const definitions = new Map<string, number[]>();
  const lengths = new Set<number>();
  const kept: boolean[] = [];
  const pending: number[] = [];
  for (let index = 0; index < statements.length; index++) {
    const { kept: keep, defines } = statements[index];
    kept.push(keep);
    if (keep) {
      pending.push(index);
    } else if (defines) {
      const indexes = definitions.get(defines);
      if (indexes) {
        indexes.push(index);
      } else {
        definitions.set(defines, [index]);
      }
      lengths.add(defines.length);
    }
  }
  const source = joined(text, statements, kept);
  // Most kept statements name no definition at all, which one native search per name tells.
  if (definitions.size === 0 || (definitions.size <= MAX_SEARCHED && ![...definitions.keys()].some((name) => source.includes(name)))) {
    return source;
  }
  while (pending.length > 0) {
    const { start, end } = statements[pending.pop()!];
    for (let k = start; k < end; k++) {
      if (!isIdentifierStart(text.charCodeAt(k)) || isIdentifierPart(text.charCodeAt(k - 1))) {
        continue;
      }
      let after = k + 1;
      while (after < end && isIdentifierPart(text.charCodeAt(after))) {
        after++;
      }
      // Only a name as long as a definition's is worth a string.
      const indexes = lengths.has(after - k) ? definitions.get(text.slice(k, after)) : undefined;
      for (let i = 0; indexes && i < indexes.length; i++) {
        if (!kept[indexes[i]]) {
          kept[indexes[i]] = true;
          pending.push(indexes[i]);
        }
      }
      k = after;
    }
  }
  return joined(text, statements, kept);
}

/** How many times each name the pattern's first group captures is assigned (the pattern global): one pass over the text. */
export function assignmentCounts(text: string, assignment: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(assignment)) {
    counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  return counts;
}
