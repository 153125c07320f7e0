/**
 * Serverless Framework service files for the workspace model: the tables and databases of its
 * `resources` section, read as a CloudFormation template, and the functions of `functions:`. A
 * function's handler (`src/orders.list`) is a path relative to the service folder, and its environment
 * is `provider.environment` under its own `environment`. Only a `Ref` or `Fn::GetAtt … Arn` to a table of
 * the file, or a literal (a `${self:…}` variable already followed to one), names a table.
 * https://www.serverless.com/framework/docs/providers/aws/guide/functions (handler, environment)
 */
import { entryOf, IacNode, scalarText } from '../iac/tree';
import { ServerlessService } from '../iac/serverless';
import type { ReadEnvironment, TemplateIndexer } from './cloudformation';
import { folderOf, joinPath } from './paths';
import { serviceOrigin } from './serviceFragments';
import { FunctionDefinition, ServiceOrigin } from './types';

/** Adds the service's functions and provider-wide environment to what the indexer read from `resources`. */
export function indexServerlessFunctions(indexer: TemplateIndexer, service: ServerlessService, file: string): void {
  const provider: ReadEnvironment = indexer.variables(service.providerEnvironment);
  indexer.setGlobalEnvironment(provider);
  const providerOrigins = serviceOrigins(provider.unknown, service, service.providerEnvironment, 'provider.environment', file);
  if (providerOrigins) {
    indexer.contribution.serviceOrigins = providerOrigins;
  }
  const functions = service.functions;
  for (const entry of functions?.kind === 'map' ? functions.entries : []) {
    const handler = scalarText(entryOf(entry.value, 'handler')?.value);
    const written = entryOf(entry.value, 'environment')?.value;
    const environment = indexer.variables(written);
    const fn: FunctionDefinition = {
      logicalName: entry.key,
      format: 'cloudformation',
      // The handler's module is found under the service folder; a container image function (`image:`) has no handler.
      codePaths: handler ? [folderOf(file)] : [],
      environment: environment.values,
      definedAt: indexer.at(entry.keySpan),
    };
    if (handler) {
      fn.handler = handler;
    }
    if (environment.unknown.length > 0) {
      fn.unknownEnvironment = environment.unknown;
      const origins = serviceOrigins(environment.unknown, service, written, `functions.${entry.key}.environment`, file);
      if (origins) {
        fn.serviceOrigins = origins;
      }
    }
    if (!environment.readable || !provider.readable) {
      fn.environmentUnreadable = true;
    }
    indexer.contribution.functions.push(fn);
  }
}

/** Where the variables the reader could not follow come from, for a resource fragment's table to match (`serviceFragments.ts`); undefined for none. */
function serviceOrigins(unknown: readonly string[], service: ServerlessService, written: IacNode | undefined, at: string, file: string): Record<string, ServiceOrigin> | undefined {
  let origins: Record<string, ServiceOrigin> | undefined;
  const includes = (service.includedFiles ?? []).flatMap((path) => joinPath(folderOf(file), path) ?? []);
  for (const name of unknown) {
    const origin = serviceOrigin(entryOf(written, name)?.value, service.environmentChains?.get(`${at}.${name}`));
    if (origin) {
      (origins ??= {})[name] = includes.length > 0 ? { ...origin, includes } : origin;
    }
  }
  return origins;
}
