/**
 * The one list of what the hint engine reads: languages, file extensions, the globs built from them
 * and the folders that are never source. The editor's selector and workspace check, and the CLI all
 * take their file selection from here.
 */

/**
 * How a document is read: a code language, a template format, or nothing we analyse. `gomod` (a Go
 * module's `go.mod`), `tfvars` (Terraform variable values, `*.tfvars` and `*.tfvars.json`) and `tsconfig`
 * (`tsconfig.json`, `tsconfig.*.json`, `jsconfig.json`) are read by the workspace model only: the module path a Go module's
 * packages are imported by, the values a Terraform root module's variables take instead of their defaults,
 * and the path aliases TypeScript imports use. `packagejson` (`package.json`) names a monorepo's package, for
 * imports of it from the other packages. `properties` is Spring Boot's `application.properties` (and
 * `application-<profile>.properties`, `bootstrap.properties`), matched by name: other `.properties` files are not read.
 * `ini` is an INI settings file of database or cache connections (`database.ini`, `alembic.ini`, `config.cfg`, `my.cnf`),
 * also matched by name (`config/iniSettings.ts`).
 */
export type DocumentKind = 'javascript' | 'typescript' | 'python' | 'java' | 'kotlin' | 'go' | 'csharp' | 'terraform' | 'yaml' | 'json' | 'properties' | 'ini' | 'gomod' | 'tfvars' | 'tsconfig' | 'packagejson';

interface KindEntry {
  kind: DocumentKind;
  /** File extensions without the dot, lower case. */
  extensions: readonly string[];
  /** VS Code language ids that are read as this kind. */
  languageIds: readonly string[];
}

export const DOCUMENT_KINDS: readonly KindEntry[] = [
  { kind: 'typescript', extensions: ['ts', 'tsx', 'mts', 'cts'], languageIds: ['typescript', 'typescriptreact'] },
  { kind: 'javascript', extensions: ['js', 'jsx', 'mjs', 'cjs'], languageIds: ['javascript', 'javascriptreact'] },
  { kind: 'python', extensions: ['py'], languageIds: ['python'] },
  { kind: 'java', extensions: ['java'], languageIds: ['java'] },
  { kind: 'kotlin', extensions: ['kt', 'kts'], languageIds: ['kotlin'] },
  { kind: 'go', extensions: ['go'], languageIds: ['go'] },
  { kind: 'csharp', extensions: ['cs'], languageIds: ['csharp'] },
  { kind: 'terraform', extensions: ['tf'], languageIds: ['terraform', 'hcl'] },
  { kind: 'yaml', extensions: ['yaml', 'yml', 'template'], languageIds: ['yaml', 'cloudformation'] },
  { kind: 'json', extensions: ['json'], languageIds: ['json', 'jsonc'] },
];

/**
 * Folders that are never source, whatever .gitignore says: version control, dependencies (`node_modules`, and a
 * Python environment's or Lambda layer's `site-packages`), build and deploy output (the Serverless Framework's
 * `.serverless` holds the templates it generates from `serverless.yml`; Terragrunt's cache holds copies of modules),
 * and the copies an editor's local history keeps (`.history`).
 */
export const EXCLUDED_FOLDERS: readonly string[] = ['.git', '.hg', '.svn', 'node_modules', 'site-packages', '.terraform', '.terragrunt-cache', '.aws-sam', 'cdk.out', '.serverless', '.history'];

/** Files the workspace model reads by their whole name, never analysed for hints themselves. */
const MODEL_FILES: ReadonlyMap<string, DocumentKind> = new Map([
  ['go.mod', 'gomod'],
  ['package.json', 'packagejson'],
]);
/**
 * Files analysed by their whole name: a Terragrunt configuration is HCL whose `inputs` are the variables of
 * the Terraform module its `terraform { source }` names (read as a module block, see `iac/terragrunt.ts`);
 * `root.hcl` is the name Terragrunt's docs give the root configuration that units include
 * (https://terragrunt.gruntwork.io/docs/features/keep-your-terragrunt-architecture-dry/).
 */
const NAMED_FILES: ReadonlyMap<string, DocumentKind> = new Map([
  ['terragrunt.hcl', 'terraform'],
  ['root.hcl', 'terraform'],
]);
/** Files the workspace model reads by their extension, never analysed for hints themselves. */
const MODEL_EXTENSIONS: ReadonlyMap<string, DocumentKind> = new Map([['tfvars', 'tfvars']]);

/** Spring Boot's configuration in properties form, by name (`application.properties`, `application-prod.properties`). */
const SPRING_PROPERTIES = /^(?:application|bootstrap)(?:-[\w.-]+)?\.properties$/i;
const SPRING_PROPERTIES_GLOBS: readonly string[] = ['application*.properties', 'bootstrap*.properties'];

/**
 * INI settings files by name: ConfigParser's `.ini` and `.cfg` files whose name says they configure a database or a
 * cache (`database.ini`, `db.cfg`, `config.ini`, `settings.cfg`, `alembic.ini`, `databaseAWSRDS.ini`), and MySQL's
 * option file. Most `.ini` and `.cfg` files configure tools (`pytest.ini`, `tox.ini`, `setup.cfg`, `pyvenv.cfg`,
 * `php.ini`) and are never opened. `.conf` files are not INI as often as not (nginx's, Redis's own `redis.conf`,
 * HOCON's `application.conf`) and are not read.
 */
const INI_STEMS: readonly string[] = ['*database*', '*db*', 'config*', '*settings*', 'rds*', '*redis*', '*postgres*', '*mysql*'];
/** As globs without nested groups (`workspace.findFiles` reads none). */
const INI_GLOBS: readonly string[] = [...INI_STEMS.flatMap((stem) => [`${stem}.ini`, `${stem}.cfg`]), 'alembic*.ini', 'my.cnf', '.my.cnf'];
/** The same names as one expression. */
const INI_FILE = new RegExp(`^(?:${INI_GLOBS.map((glob) => glob.replace(/\./g, '\\.').replace(/\*/g, '.*')).join('|')})$`, 'i');

/**
 * Files matched by name because VS Code has no built-in language for them, or because the language covers many
 * files the engine never reads (the editor's selector): Spring's properties files are a few of all `.properties`.
 */
export const PATTERN_ONLY_GLOBS: readonly string[] = ['**/*.tf', ...[...NAMED_FILES.keys(), ...SPRING_PROPERTIES_GLOBS, ...INI_GLOBS].map((name) => `**/${name}`)];

const BY_EXTENSION = new Map(DOCUMENT_KINDS.flatMap((entry) => entry.extensions.map((extension) => [extension, entry.kind] as const)));
const BY_LANGUAGE = new Map(DOCUMENT_KINDS.flatMap((entry) => entry.languageIds.map((id) => [id, entry.kind] as const)));

/** Every language id with hints. */
export const HINT_LANGUAGE_IDS: readonly string[] = [...BY_LANGUAGE.keys()];

/** Every file the engine analyses, as one glob (for `workspace.findFiles`). */
export const HINT_FILE_GLOB = `**/{${[...[...BY_EXTENSION.keys()].map((extension) => `*.${extension}`), ...NAMED_FILES.keys(), ...SPRING_PROPERTIES_GLOBS, ...INI_GLOBS].join(',')}}`;

/** Every file the workspace model may read: those analysed and the model's own (`go.mod`; `package.json` is a `*.json`), as one glob without nested groups. */
export const MODEL_FILE_GLOB = `**/{${[...[...BY_EXTENSION.keys(), ...MODEL_EXTENSIONS.keys()].map((extension) => `*.${extension}`), ...[...MODEL_FILES.keys(), ...NAMED_FILES.keys()].filter((name) => !BY_EXTENSION.has(name.slice(name.lastIndexOf('.') + 1)))].join(',')}}`;

/** The excluded folders, as one glob (for `workspace.findFiles`). */
export const EXCLUDED_FOLDERS_GLOB = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;

/** The file name decides first (a `.tf` file is Terraform whatever the editor calls it), then the language id. */
export function documentKind(languageId: string | undefined, fileName: string): DocumentKind | undefined {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const name = fileName.slice(slash + 1);
  const byName = MODEL_FILES.get(name) ?? NAMED_FILES.get(name.toLowerCase());
  if (byName) {
    return byName;
  }
  // Terraform's JSON definitions files (`terraform.tfvars.json`, `*.auto.tfvars.json`) are variable values, not templates.
  if (name.toLowerCase().endsWith('.tfvars.json')) {
    return 'tfvars';
  }
  if (SPRING_PROPERTIES.test(name)) {
    return 'properties';
  }
  if (INI_FILE.test(name)) {
    return 'ini';
  }
  // TypeScript configs, the shared ones they extend (`tsconfig.base.json`) and a JavaScript project's `jsconfig.json` are no templates.
  if (/^(?:tsconfig(?:\.[^/]*)?|jsconfig)\.json$/i.test(name)) {
    return 'tsconfig';
  }
  const dot = fileName.lastIndexOf('.');
  if (dot > slash) {
    const extension = fileName.slice(dot + 1).toLowerCase();
    const kind = BY_EXTENSION.get(extension) ?? MODEL_EXTENSIONS.get(extension);
    if (kind) {
      return kind;
    }
  }
  return languageId ? BY_LANGUAGE.get(languageId) : undefined;
}

/** Whether files of a kind get hovers and findings (a `go.mod`, a `.tfvars` file, a `tsconfig.json` or a `package.json` only informs the workspace model). */
export function isAnalysedKind(kind: DocumentKind): boolean {
  return kind !== 'gomod' && kind !== 'tfvars' && kind !== 'tsconfig' && kind !== 'packagejson';
}

/** Whether a folder name is one of the never-source folders. */
export function isExcludedFolder(name: string): boolean {
  return EXCLUDED_FOLDERS.includes(name);
}
