/**
 * Exported functions of a JavaScript or TypeScript module that get a client from a function of their own module
 * and use it there (`const client = await getPostgresClient(); await client.connect();` in `executeSingleQuery`): a
 * data layer's query function, which makes a client or opens a connection on every call as surely as one that
 * constructs it in place. The module index keeps them, with the makers they call, so that another file's Lambda
 * handler calling them is read (`exportedFunctions.ts` reads what each really makes). Read from the text alone.
 */
import { isIdentifierPart, isIdentifierStart, skipSpace, TopStatement, wordAt } from './moduleText';
import { returnsWithin } from './jsGetters';

const OPEN_PAREN = 40;
const DOT = 46;
/** Functions followed from a maker to the exported function that calls it (`query` → `withClient` → `getClient`). */
const MAX_ROUNDS = 3;

/** Whether the statement's text calls one of `makers` by its bare name (`getClient(`, `await getClient (`), not as a member. */
function callsOneOf(text: string, { start, end, defines }: TopStatement, makers: ReadonlySet<string>): boolean {
  for (let k = start; k < end; k++) {
    if (!isIdentifierStart(text.charCodeAt(k)) || isIdentifierPart(text.charCodeAt(k - 1))) {
      continue;
    }
    const word = wordAt(text, k);
    if (word !== defines && makers.has(word) && text.charCodeAt(k - 1) !== DOT && text.charCodeAt(skipSpace(text, k + word.length)) === OPEN_PAREN) {
      return true;
    }
    k += word.length - 1;
  }
  return false;
}

/**
 * Marks kept the exported functions among `statements` that call a function of the module whose text makes or
 * returns a client (one of the sorted `clientSites` lies in it), directly or through such callers of its own.
 */
export function keepMakerCallers(text: string, statements: readonly TopStatement[], clientSites: readonly number[]): void {
  if (clientSites.length === 0) {
    return;
  }
  const makers = new Set<string>();
  for (const statement of statements) {
    if (statement.defines && returnsWithin(clientSites, statement.start, statement.end)) {
      makers.add(statement.defines);
    }
  }
  for (let round = 0; round < MAX_ROUNDS && makers.size > 0; round++) {
    const found: string[] = [];
    for (const statement of statements) {
      if (statement.defines && !makers.has(statement.defines) && callsOneOf(text, statement, makers)) {
        found.push(statement.defines);
        statement.kept ||= statement.exported === true;
      }
    }
    if (found.length === 0) {
      return;
    }
    found.forEach((name) => makers.add(name));
  }
}
