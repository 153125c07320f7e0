/**
 * Terraform security groups and the modules that may put a database behind them, for the open-ingress rules
 * (see `iac/groupUse.ts`). Per file: which groups its resources and modules refer to, whether its resources
 * hold data (a database or cache, or a module from outside the workspace that may make one), and the module
 * folders of the workspace it uses. Across files: whether a module folder of the workspace may hold a data
 * store, through the folders its own modules use, so that a group attached only to `module "api" { source =
 * "./ecs-service" }` whose folder makes an ECS service and nothing else serves no database.
 */
import { EXPOSES_EITHER, exposureOf, GROUP_REFERENCE, isDataStore, namesGroup, namesPeerGroup } from '../iac/groupUse';
import { makesNoDataStore } from '../iac/terraformServiceModules';
import { attributeOf, HclBody, HclValue, TemplatePart } from './hcl';
import { folderOf, joinPath } from './paths';
import { FileContribution } from './types';

/** Module folders followed from one folder: deeper nesting than real projects have. */
const MAX_MODULE_DEPTH = 8;

/** A module source that is a folder of the workspace (`./ecs-service`, `../modules/api`), resolved from `folder`. */
export function localModuleFolder(folder: string, source: string): string | undefined {
  const written = source.trim();
  return written.startsWith('./') || written.startsWith('../') ? joinPath(folder, written) : undefined;
}

/**
 * Notes on `contribution` what the file's resources and modules do with security groups, whether the file may
 * hold a data store, and the module folders it uses.
 */
export function noteTerraformGroups(contribution: FileContribution, root: HclBody, file: string, source: string): void {
  const folder = folderOf(file);
  // Told for every file with a resource or a module, so that a module folder of resources that hold no data is known as such.
  let dataStores: number | undefined;
  for (const block of root.blocks) {
    const resource = block.type === 'resource' && block.labels.length === 2;
    if (block.type === 'output') {
      noteOutputGroups(contribution, block.body, source);
    } else if (block.type === 'data' && GROUP_LOOKUPS.has(block.labels[0])) {
      contribution.groupLookups = true;
    }
    if (!resource && !(block.type === 'module' && block.labels.length === 1)) {
      continue;
    }
    dataStores ??= 0;
    const written = resource ? undefined : attributeOf(block.body, 'source');
    const moduleFolder = written?.kind === 'string' ? localModuleFolder(folder, written.value) : undefined;
    const serviceModule = written?.kind === 'string' && makesNoDataStore(written.value);
    if (resource ? isDataStore(block.labels[0]) : moduleFolder === undefined && !serviceModule) {
      // A module from the registry or a repository, but for one known to make none, may make a database or a cache.
      dataStores |= resource ? (exposureOf(block.labels[0]) ?? EXPOSES_EITHER) : EXPOSES_EITHER;
    }
    if (moduleFolder !== undefined) {
      (contribution.localModules ??= []).push(moduleFolder);
    }
    const groups = new Set<string>();
    const peers = new Set<string>();
    groupsReferred(block.body, source, groups, peers);
    for (const group of peers) {
      // The clients' group a module or resource lets in (`allowed_security_groups`): attached to no data store by it.
      const uses = (contribution.groupUses ??= {});
      uses[group] = uses[group] ?? 0;
    }
    for (const group of groups) {
      if (moduleFolder !== undefined) {
        const modules = (contribution.groupModules ??= {});
        (modules[group] ??= []).push(moduleFolder);
        continue;
      }
      const exposure = serviceModule ? 0 : exposureOf(resource ? block.labels[0] : undefined);
      if (exposure !== undefined) {
        const uses = (contribution.groupUses ??= {});
        uses[group] = exposure | (uses[group] ?? 0);
      }
    }
  }
  if (dataStores !== undefined) {
    contribution.dataStores = dataStores;
  }
}

/** A VPC the configuration makes, named in an expression or an interpolation. */
const VPC_REFERENCE = /\baws_vpc\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** The data sources that find security groups by name or tags, which any configuration may then attach. */
const GROUP_LOOKUPS: ReadonlySet<string | undefined> = new Set(['aws_security_group', 'aws_security_groups']);

/**
 * The security groups an `output` block names: its module's callers, or configurations reading its state, may attach
 * them; and the VPCs it names (`aws_vpc.<name>`), whose default group whatever they launch there without one gets.
 */
function noteOutputGroups(contribution: FileContribution, body: HclBody, source: string): void {
  const groups = new Set<string>();
  groupsReferred(body, source, groups);
  for (const { value } of body.attributes) {
    for (const [, name] of source.slice(value.span.start, value.span.end).matchAll(VPC_REFERENCE)) {
      groups.add(`aws_vpc.${name}`);
    }
  }
  if (groups.size > 0) {
    (contribution.groupOutputs ??= []).push(...groups);
  }
}

/** The groups a block's body refers to, and apart (in `peers`, when given) those it names as the peers its rules admit. */
function groupsReferred(body: HclBody, source: string, groups: Set<string>, peers = groups): void {
  body.attributes.forEach((attribute) => groupsIn(attribute.value, source, namesPeerGroup(attribute.name) ? peers : groups, peers));
  body.blocks.forEach((block) => groupsReferred(block.body, source, groups, peers));
}

function groupsIn(value: HclValue, source: string, groups: Set<string>, peers = groups): void {
  const add = (path: readonly string[]): void => {
    if (path.length >= 2 && namesGroup(path[0])) {
      groups.add(`${path[0]}.${path[1]}`);
    }
  };
  switch (value.kind) {
    case 'reference':
      add(value.path);
      break;
    case 'template':
      value.parts.forEach((part: TemplatePart) => 'reference' in part && add(part.reference));
      break;
    case 'tuple':
      value.items.forEach((item) => groupsIn(item, source, groups, peers));
      break;
    case 'object':
      value.entries.forEach((entry) => groupsIn(entry.value, source, namesPeerGroup(entry.name) ? peers : groups, peers));
      break;
    case 'other':
      for (const match of source.slice(value.span.start, value.span.end).matchAll(GROUP_REFERENCE)) {
        groups.add(`${match[1]}.${match[2]}`);
      }
      break;
    default:
      break;
  }
}

/**
 * The workspace's Terraform security groups and module folders: what each folder's files do with a group, and
 * whether a module folder may hold a data store. Built from every file's contribution before it is asked.
 */
export class TerraformGroupIndex {
  /** By `folder\0group`: per file that refers to the group, whether its resources there serve others only. */
  private readonly uses = new Map<string, { file: string; exposure: number }[]>();
  /** By `folder\0group`: per file, the module folders of the workspace it hands the group to. */
  private readonly moduleUses = new Map<string, { file: string; folders: readonly string[] }[]>();
  private readonly folders = new Map<string, { dataStores: number; modules: string[] }>();
  private readonly answers = new Map<string, boolean>();
  /** By `folder\0group`: the groups an output of the folder names. */
  private readonly outputs = new Set<string>();
  /** Whether a file of the workspace looks security groups up by a data source. */
  private lookups = false;

  add(file: string, contribution: FileContribution): void {
    const folder = folderOf(file);
    for (const group of contribution.groupOutputs ?? []) {
      this.outputs.add(`${folder}\0${group}`);
    }
    this.lookups ||= contribution.groupLookups === true;
    for (const [group, exposure] of Object.entries(contribution.groupUses ?? {})) {
      listIn(this.uses, `${folder}\0${group}`).push({ file, exposure });
    }
    for (const [group, folders] of Object.entries(contribution.groupModules ?? {})) {
      listIn(this.moduleUses, `${folder}\0${group}`).push({ file, folders });
    }
    if (contribution.dataStores !== undefined) {
      const known = this.folders.get(folder) ?? { dataStores: 0, modules: [] };
      known.dataStores |= contribution.dataStores;
      known.modules.push(...(contribution.localModules ?? []));
      this.folders.set(folder, known);
    }
  }

  /**
   * What the other files of `file`'s folder do with a group: the kinds of data store they attach it to (0 for
   * resources that are not data stores and module folders that hold none; either kind for a folder that may),
   * undefined when none refers to it.
   */
  groupUse(file: string, group: string): number | undefined {
    const key = `${folderOf(file)}\0${group}`;
    const uses = this.uses.get(key)?.filter((use) => use.file !== file) ?? [];
    const moduleUses = this.moduleUses.get(key)?.filter((use) => use.file !== file) ?? [];
    if (uses.length === 0 && moduleUses.length === 0) {
      return undefined;
    }
    const modules = moduleUses.some((use) => use.folders.some((folder) => this.mayHoldDataStore(folder))) ? EXPOSES_EITHER : 0;
    return uses.reduce((exposure, use) => exposure | use.exposure, modules);
  }

  /**
   * The kinds of data store a module folder's files declare, both kinds when one of its module folders may hold
   * one (their kinds are not followed); undefined when the workspace has no Terraform resource or module there.
   */
  folderDataStores(folder: string): number | undefined {
    const known = this.folders.get(folder);
    if (!known) {
      return undefined;
    }
    return known.modules.some((module) => this.mayHoldDataStore(module)) ? EXPOSES_EITHER : known.dataStores;
  }

  /** Whether a group of `folder` may be attached beyond it: an output of the folder names it, or the workspace looks groups up. */
  handedOut(folder: string, group: string): boolean {
    return this.lookups || this.outputs.has(`${folder}\0${group}`);
  }

  /**
   * Whether a module folder may hold a database or cache: one of its resources is one, or one of its modules is
   * from outside the workspace or a folder that may. A folder with no Terraform resource in the workspace may.
   */
  mayHoldDataStore(folder: string, depth = 0): boolean {
    const answered = this.answers.get(folder);
    if (answered !== undefined) {
      return answered;
    }
    const known = this.folders.get(folder);
    // Assumed while its modules are read, so that a folder among its own modules ends the walk.
    this.answers.set(folder, true);
    const holds = !known || known.dataStores !== 0 || depth >= MAX_MODULE_DEPTH || known.modules.some((module) => this.mayHoldDataStore(module, depth + 1));
    this.answers.set(folder, holds);
    return holds;
  }
}

function listIn<V>(map: Map<string, V[]>, key: string): V[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
}
