/**
 * Go functions that build a DynamoDB request for callers in other files: `func buildQuery(pk string)
 * *dynamodb.QueryInput {` (its signature on one line, as gofmt writes it), and the options the input it returns
 * sets, read as the analyzer reads a same-file helper (a literal, a variable that assignments and v1 setters
 * complete). Only a file with such a signature is lexed.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { OptionContext } from '../model';
import { go } from '../code/languages/go';
import { requestBuiltBy } from '../code/requests';
import { operationOfTypeName } from '../services';
import { LineIndex } from '../text';
import { clientResult, GoSignature } from './goDeclarations';
import { GoInputFunction } from './types';

/** How many `return`s of a builder are read for the input it returns. */
const MAX_RETURNS_READ = 8;
/** Options kept per builder: an input has a few dozen fields at most. */
const MAX_OPTIONS = 48;

/** The DynamoDB operation of a signature's first result (`*dynamodb.QueryInput`), or undefined. */
export function inputResult(text: string, signature: GoSignature, end: number, imports: ReadonlyMap<string, string>): string | undefined {
  const result = clientResult(text, signature, end, imports, (service, type) => service === 'dynamodb' && type.endsWith('Input'));
  return result ? operationOfTypeName(result.type, new Set(['dynamodb']), /Input$/) : undefined;
}

/**
 * The options each builder's returned input sets, for the builders `operations` names (function to operation).
 * A builder whose returned input this file does not show (a parameter, another package's call) sets none we know of.
 */
export function builtInputs(text: string, operations: ReadonlyMap<string, string>): Record<string, GoInputFunction> {
  const a = new CodeAnalyzer(text, go, new LineIndex(text));
  a.run();
  const found: Record<string, GoInputFunction> = Object.create(null) as Record<string, GoInputFunction>;
  for (const fn of a.functions.values()) {
    // A package-level function: `func Name(`, not a method nor a closure.
    const name = a.idIs(fn.params - 2, 'func') ? a.id(fn.params - 1) : undefined;
    const operation = name === undefined ? undefined : operations.get(name);
    if (name === undefined || operation === undefined || a.scopes.parent(fn.scope) !== 0) {
      continue;
    }
    let options: string[] = [];
    for (const start of a.returnStarts({ scope: fn.scope, concise: -1 }).slice(0, MAX_RETURNS_READ)) {
      const request = requestBuiltBy(a, start);
      if (request?.type === operation) {
        options = builderOptions(a, request, fn.scope);
        break;
      }
    }
    found[name] = { operation, options };
  }
  return found;
}

/**
 * The options of a returned request that the builder sets: those written inside it or inside the function that
 * writes the literal (`in := ownerQuery(t); in.Limit = ...; return in`). Same-file callers' assignments to the
 * literal they get back are theirs, not the builder's.
 */
function builderOptions(a: CodeAnalyzer, request: OptionContext, builder: number): string[] {
  const within = (scope: number): ((offset: number) => boolean) => {
    const [start, end] = a.scopes.range(scope);
    return (offset) => a.tokens.starts[start] <= offset && offset < a.tokens.ends[end - 1];
  };
  const inBuilder = within(builder);
  const literal = a.scopes.enclosing(a.tokensOf(request.anchor)[0], ['function']);
  const inLiteral = literal > 0 ? within(literal) : inBuilder;
  const set = request.options.filter((option) => !option.absent && (inBuilder(option.key.start) || inLiteral(option.key.start)));
  return [...new Set(set.map((option) => option.norm))].slice(0, MAX_OPTIONS);
}
