/**
 * ECS containers of a CDK app (TypeScript, JavaScript, Python) whose image is built from a folder of the
 * workspace, with their environment: an ecs-patterns service's `taskImageOptions` and a task definition's
 * `addContainer(id, { image, environment })`, the image `ContainerImage.fromAsset(folder)`, `new AssetImage(folder)` or
 * `ContainerImage.fromDockerImageAsset(asset)` of a `DockerImageAsset({ directory })`, written in place or held by a
 * name the file binds once. The model consults them as it does Lambda functions, so the code of that folder reads
 * the variables the container is given (`DB_HOST: db.dbInstanceEndpointAddress` makes its SQL connection RDS's).
 * An image from a registry, an ECR repository or a name bound more than once gives nothing: the code is not certain.
 */
import { TOKEN_KIND } from '../lexer';
import { CdkSource, CdkValue, entry } from './cdkSource';
import { FunctionDefinition, SourceRef } from './types';

/** What the CDK reader lends: a code location, its reading of environments into a definition, and whether a name is an RDS construct of the file whose secret holds its host. */
export interface ContainerReader {
  location(value: CdkValue | undefined): { path: string; fromApp: boolean } | undefined;
  environment(fn: FunctionDefinition, environments: (CdkValue | undefined)[]): void;
  ownsAttachedSecret(names: string[], at: number): boolean;
  definedAt(token: number): SourceRef;
}

/** The ecs-patterns constructs whose `taskImageOptions` (`task_image_options`) define their container. */
const PATTERN_SERVICES = /^aws_ecs_patterns\.(?:Application|Network)LoadBalanced(?:Fargate|Ec2)Service$/;
const ADD_CONTAINER = new Set(['addContainer', 'add_container']);
/** `ContainerImage.fromAsset(folder)` and `new AssetImage(folder)`: the folder is the build context. */
const FOLDER_IMAGES = /^aws_ecs\.(?:ContainerImage\.from_?[aA]sset|AssetImage)$/;
const ASSET_IMAGE = /^aws_ecs\.ContainerImage\.from_?[dD]ocker_?[iI]mage_?[aA]sset$/;
const DOCKER_ASSET = 'aws_ecr_assets.DockerImageAsset';
const SECRET_VALUE = /^aws_ecs\.Secret\.from_?[sS]ecrets_?[mM]anager$/;
/** `db.secret!` / `db.secret` as written: the credentials secret the CDK makes for an RDS construct, whose `host` key is its endpoint. */
const DATABASE_SECRET = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.secret\s*!?$/;

/** The containers a CDK source defines whose image is built from a folder it names. */
export function cdkContainers(source: CdkSource, reader: ContainerReader): FunctionDefinition[] {
  const { tokens } = source;
  const containers: FunctionDefinition[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] !== TOKEN_KIND.ID || (i > 0 && source.is(i - 1, '.'))) {
      continue;
    }
    const { names, next } = source.dottedNames(i);
    const close = source.is(next, '(') ? source.partner[next] : -1;
    if (close < 0) {
      continue;
    }
    const method = names.length > 1 && ADD_CONTAINER.has(names[names.length - 1]);
    const pattern = !method && PATTERN_SERVICES.test(source.qualified(names) ?? '');
    if (!method && !pattern) {
      continue;
    }
    const { args, keywords } = source.arguments(next, close);
    const keywordProps: CdkValue = { kind: 'object', entries: keywords, open: false, span: source.span(next, close) };
    // `addContainer('Id', props)` / `add_container("Id", image=...)`; a pattern's `(scope, 'Id', props)`.
    const props = source.python ? keywordProps : args[method ? 1 : 2];
    const options = method ? props : entry(props, 'taskImageOptions');
    const folder = imageFolder(source, reader, entry(options, 'image'));
    if (folder) {
      const id = args[method ? 0 : 1];
      const fn: FunctionDefinition = { logicalName: id?.kind === 'string' ? id.value : '', format: 'cdk', codePaths: [], environment: {}, definedAt: reader.definedAt(i), container: true };
      if (folder.fromApp) {
        fn.codePathsFromApp = [folder.path];
      } else {
        fn.codePaths.push(folder.path);
      }
      reader.environment(fn, [entry(options, 'environment')]);
      secretHosts(source, reader, entry(options, 'secrets')).forEach((name) => (fn.environment[name] = { kind: 'rds-endpoint' }));
      containers.push(fn);
    }
    i = close;
  }
  return containers;
}

/** The variables of `secrets` that ECS sets from the `host` key of an RDS construct's own secret (`Secret.fromSecretsManager(db.secret!, 'host')`). */
function secretHosts(source: CdkSource, reader: ContainerReader, secrets: CdkValue | undefined): string[] {
  const hosts: string[] = [];
  for (const { name, value } of secrets?.kind === 'object' ? secrets.entries : []) {
    const call = value.kind === 'call' && SECRET_VALUE.test(source.qualified(value.callee) ?? '') ? value : undefined;
    const [secret, key] = call?.args ?? [];
    const owner = secret && DATABASE_SECRET.exec(source.text.slice(secret.span.start, secret.span.end));
    if (call && owner && key?.kind === 'string' && key.value === 'host' && reader.ownsAttachedSecret(owner[1].split('.'), call.at)) {
      hosts.push(name);
    }
  }
  return hosts;
}

/** The folder an image is built from, through a name the file binds once to the image or to its Docker asset. */
function imageFolder(source: CdkSource, reader: ContainerReader, written: CdkValue | undefined): { path: string; fromApp: boolean } | undefined {
  const image = boundOnce(source, written);
  const callee = image?.kind === 'call' ? (source.qualified(image.callee) ?? '') : '';
  if (image?.kind !== 'call') {
    return undefined;
  }
  if (FOLDER_IMAGES.test(callee)) {
    return reader.location(image.args[0] ?? entry(image, 'directory'));
  }
  const asset = ASSET_IMAGE.test(callee) ? boundOnce(source, image.args[0] ?? entry(image, 'asset')) : undefined;
  if (asset?.kind !== 'call' || source.qualified(asset.callee) !== DOCKER_ASSET) {
    return undefined;
  }
  return reader.location(source.python ? entry(asset, 'directory') : entry(asset.args[2], 'directory'));
}

/** A value as written, or, for a bare name, what its one binding in the file (`const image = …`, `image = …`) holds. */
function boundOnce(source: CdkSource, value: CdkValue | undefined): CdkValue | undefined {
  if (value?.kind !== 'path' || value.names.length !== 1) {
    return value;
  }
  const name = value.names[0];
  let bound: CdkValue | undefined;
  for (let k = 0; k < source.tokens.length - 1; k++) {
    if (source.tokens.kinds[k] !== TOKEN_KIND.ID || source.tokens.text(k) !== name || !source.is(k + 1, '=') || source.is(k - 1, '.')) {
      continue;
    }
    if (bound) {
      return undefined;
    }
    const start = source.is(k + 2, 'new') ? k + 3 : k + 2;
    const { next } = source.dottedNames(start);
    const close = source.is(next, '(') ? source.partner[next] : -1;
    bound = close < 0 ? { kind: 'other', span: source.span(k, k) } : source.value(k + 2, close + 1);
  }
  return bound;
}
