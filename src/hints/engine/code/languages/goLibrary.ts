/**
 * What a Go client library tells the Go analyzer: the import paths it answers to, which of its packages'
 * types and functions are clients, and the readers of its own calls. One object per library (`goClients.ts`
 * lists them), so that adding a library touches its own module and that list, not every dispatch of `go.ts`.
 */
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';

/** What an import brings in: the service (`dynamodb`, `rds-auth`, `redis`) and the package's own name. */
export interface GoImport {
  service: string;
  name: string;
}

export interface GoClientLibrary {
  /** The services its imports bring in (`GoImport.service`, the values of `goPackages`). */
  readonly services: readonly string[];
  importOf(path: string): GoImport | undefined;
  /** `pkg.Type` as a declared type (a field, a parameter), where `pkg` brings in `service`. */
  clientType(type: string, service: string): Value | undefined;
  /** What `pkg.Name(...)` gives. */
  factoryResult(name: string, service: string): Value | undefined;
  /** `pkg.Name(...)` at the name token: the options of the client it makes, or the command it sends. */
  packageCall?(a: CodeAnalyzer, nameIndex: number): void;
  /** A method call on one of its clients that it reads itself (not as the SDK's or go-redis's methods); true when it did. */
  clientCall?(a: CodeAnalyzer, nameIndex: number, client: Value & { t: 'client' }, receiverStart: number): boolean;
}
