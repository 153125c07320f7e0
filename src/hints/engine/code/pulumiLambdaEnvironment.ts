/**
 * The password variables of a Pulumi Lambda function's environment (`aws.lambda.Function`, the Terraform
 * `aws_lambda_function`), as the other readers give them (`iac/lambdaEnvironment.ts`):
 * - TypeScript and JavaScript: `environment: { variables: { DB_PASSWORD: "..." } }`;
 * - Python: `environment=aws.lambda_.FunctionEnvironmentArgs(variables={"DB_PASSWORD": "..."})` or a dict;
 * - Go: `Environment: &lambda.FunctionEnvironmentArgs{Variables: pulumi.StringMap{"DB_PASSWORD": pulumi.String("...")}}`;
 * - C#: `Environment = new FunctionEnvironmentArgs { Variables = { { "DB_PASSWORD", "..." } } }`, or an
 *   `InputMap`/`Dictionary` written there;
 * and the environment or its variables held by a variable of the program (`Variables: env`).
 * https://www.pulumi.com/registry/packages/aws/api-docs/lambda/function/
 */
import { environmentPasswords } from '../iac/lambdaEnvironment';
import { OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { collectionInitializerPairs, mapVariable } from './cdkTypedEnvironment';
import { contextFrom, propertyValue } from './options';
import { closeAngle } from './typeArguments';

/** The password variables of the function whose args are written in the group opened at `args` (`{`, or Python's `(`). */
export function pulumiEnvironmentPasswords(a: CodeAnalyzer, args: number): OptionOccurrence[] {
  if (args < 0) {
    return [];
  }
  const environment = groupOfValue(a, heldValue(a, propertyValue(a, args, 'environment')));
  const variables = environment < 0 ? -1 : heldValue(a, propertyValue(a, environment, 'variables'));
  if (variables < 0) {
    return [];
  }
  // C#'s collection initializer of the args' own map (`Variables = { { "K", v } }`), or a map it constructs.
  if (a.language.family === 'csharp') {
    const map = a.is(variables, '{') ? variables : groupOfValue(a, variables);
    return map >= 0 && a.is(map, '{') ? environmentPasswords(collectionInitializerPairs(a, map).map(([key, from, to]) => mapVariable(a, key, from, to))) : [];
  }
  const map = groupOfValue(a, variables);
  if (map < 0 || !a.is(map, '{')) {
    return [];
  }
  // Go's `pulumi.StringMap{"K": v}`: string keys, which name no field of the args.
  if (a.language.family === 'go') {
    const entries = segments(a, map).filter(([from, to]) => to > from + 2 && a.isString(from) && a.is(from + 1, ':'));
    return environmentPasswords(entries.map(([from, to]) => mapVariable(a, from, from + 2, to)));
  }
  return environmentPasswords(contextFrom(a, map, a.partner[map], 'terraform', 'aws_lambda_function', a.tokenSpan(map)).options);
}

/** Where the value at `k` is written: there, or for a variable alone (`Variables: env`) the expression its binding was given. */
function heldValue(a: CodeAnalyzer, k: number): number {
  if (k < 0 || !a.isId(k) || !(a.is(k + 1, ',') || a.is(k + 1, '}') || a.is(k + 1, ')'))) {
    return k;
  }
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  return binding && binding.expression >= 0 ? binding.expression : -1;
}

/**
 * The group a value opens: `{` in place, or after a constructor (`&lambda.FunctionEnvironmentArgs{`,
 * `pulumi.StringMap{`, `new InputMap<string> {`, `new FunctionEnvironmentArgs() {`), or the `(` of an
 * `…Args(...)` call; -1 for any other value (a variable, a call's result).
 */
function groupOfValue(a: CodeAnalyzer, start: number): number {
  if (start < 0) {
    return -1;
  }
  let k = a.is(start, '&') || a.idIs(start, 'new') ? start + 1 : start;
  if (a.isId(k)) {
    k = a.dottedPath(k).end;
    if (a.is(k, '<')) {
      const close = closeAngle(a, k);
      k = close < 0 ? -1 : close + 1;
    }
  }
  // C#'s `new FunctionEnvironmentArgs() {` and target-typed `new() {`.
  if (k > start && a.is(k, '(') && a.partner[k] === k + 1 && a.language.family === 'csharp') {
    k += 2;
  }
  if (k > start && a.is(k, '(')) {
    // cdktf's Python struct for the block is `LambdaFunctionEnvironment(variables=...)`.
    return /Args$|^LambdaFunctionEnvironment$/.test(a.tokens.text(k - 1)) && a.partner[k] > k ? k : -1;
  }
  return k >= 0 && a.is(k, '{') && a.partner[k] > k ? k : -1;
}
