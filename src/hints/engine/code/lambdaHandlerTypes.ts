/**
 * A TypeScript Lambda handler declared with a handler type of the `aws-lambda` type package
 * (`export const list: APIGatewayProxyHandlerV2 = async () => ...`, `Handler<SQSEvent>`, `awsLambda.ScheduledHandler`):
 * every type of it named for a handler (`Handler`, `SQSHandler`, `APIGatewayProxyHandlerV2`, ...) is the signature
 * of the function the Lambda runtime invokes, so the function is a handler whatever its parameters are called, or if
 * it takes none. In workspace mode also a project's alias of one (the Serverless Framework TypeScript template's
 * `export type ValidatedEventAPIGatewayProxyEvent<S> = Handler<...>`), which the project module passes on.
 */
import type { CodeAnalyzer } from './analyzer';
import { libraryImport } from './projectImports';

const LAMBDA_TYPES = 'aws-lambda';

/** Whether `path` of `module` is a handler type of the `aws-lambda` type package. */
export function isLambdaHandlerType(module: string, path: string): boolean {
  return module === LAMBDA_TYPES && path.includes('Handler');
}

/** Whether the declared name at `name` is annotated with a handler type imported from `aws-lambda`. */
export function typedAsLambdaHandler(a: CodeAnalyzer, name: number): boolean {
  if (!a.is(name + 1, ':') || !a.isId(name + 2)) {
    return false;
  }
  const written = a.imports.get(a.tokens.text(name + 2));
  const imported = written?.module === LAMBDA_TYPES ? written : written && libraryImport(a, written.module, written.path);
  if (imported?.module !== LAMBDA_TYPES) {
    return false;
  }
  // `import * as lambda from 'aws-lambda'` then `lambda.SQSHandler`: the member names the type.
  const type = imported.path === '' && a.isAccess(name + 3) && a.isId(name + 4) ? a.tokens.text(name + 4) : imported.path;
  // `Handler`, `SQSHandler`, `APIGatewayProxyHandlerV2`, `APIGatewayProxyHandlerV2WithJWTAuthorizer`.
  return type.includes('Handler');
}
