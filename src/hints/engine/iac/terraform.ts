/**
 * Terraform: `resource` blocks and their top-level arguments, registry modules read as the resource they
 * create (their values read by `TerraformValues`: `var.x`, `local.x` and what the workspace says of them),
 * and security group ingress (inline and `dynamic` `ingress` blocks,
 * `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, the security-group registry module,
 * a module's allowed CIDR blocks).
 */
import { passwordOutputs } from './terraformPasswordOutputs';
import { lex, TOKEN_KIND } from '../lexer';
import { DocumentModel, Literal, NO_SCOPES, OptionContext, OptionOccurrence, parseSuppression, PropVariants } from '../model';
import { LineIndex } from '../text';
import { normalizeName } from '../types';
import { OutsideValues } from './terraformOutside';
import { renderedTemplate } from './terraformTemplates';
import { WRITTEN_SECRET } from '../workspace/contribution';
import { ModuleInputTarget, TerraformObject } from '../workspace/types';
import { MODULE_WITHOUT_DATA_STORE } from './groupUse';
import { noteGroupUses } from './terraformGroupUses';
import { LAMBDA_MODULE, LAMBDA_RESOURCES, terraformEnvironmentPasswords, terraformMapPasswords } from './lambdaEnvironment';
import { conditionOutcome } from './terraformConditionals';
import { BodyItem, HclValues, Range, TerraformIngress } from './terraformIngress';
import { TerraformValues } from './terraformValues';
import { dataArgumentKey } from './terraformDataSources';
import { terragruntCall } from './terragrunt';
import { moduleFullAccess, terraformFullAccess } from './terraformManagedPolicies';
import { remoteModuleSource, unreadModuleCache, unreadModuleDatabase } from './terraformUnreadModules';
import { awsProviderCredentials } from './terraformProviderCredentials';
import { makesNoDataStore } from './terraformServiceModules';
import { namedBlockParts, NESTED_ARGUMENT_BLOCKS, NESTED_NAMED_ARGUMENTS, withSwitchValues } from './terraformNestedArguments';
import { TASK_DEFINITIONS, TEMPLATE_FILE, templateFileContext, terraformContainerPasswords } from './containerEnvironment';
import { argumentOf, chosenLiterals, defaultLiterals, normalizedModuleSource, pinnedRelease, registryModule, registrySource, securityGroupModule } from './terraformModules';
import { admissionPort, engineDefault, folderWrites, portLiteral } from './terraformModuleBlocks';
import { terraformStoreKind } from './storePorts';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use.
const { ID, STR, PUNCT } = TOKEN_KIND;

/** Arguments of a `module` block that Terraform reads itself; the rest are the module's inputs. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** The `for_each` elements read one by one (see `elementVariants`): the checks run once per element. */
const MAX_ELEMENT_VARIANTS = 16;

class TerraformReader extends TerraformValues implements HclValues {
  readonly contexts: OptionContext[] = [];
  templateOf = (first: number, end: number): string | undefined => renderedTemplate(this.tokens, this.named, this.outside, (f, e) => this.literalOf(f, e), first, end);
  /** The elements of `for_each` values the checks run through, one per variant. */
  readonly variants: PropVariants = { count: 0, current: 0 };
  readonly ingressReader = new TerraformIngress(this);

  /**
   * Arguments and nested blocks of the body between `open` and `close`: the first token of a line, or the
   * first after the brace of a one-line block (`variable "days" { default = 0 }`), followed by `=` or `{`.
   * Values and nested blocks are skipped whole, so only this level is read.
   */
  body(open: number, close: number): BodyItem[] {
    const { tokens, partner } = this;
    const items: BodyItem[] = [];
    for (let k = open + 1; k < close; k++) {
      if (tokens.kinds[k] !== ID || (k > open + 1 && this.lineOf(k) === this.lineOf(k - 1))) {
        const p = partner[k];
        if (p > k) {
          k = p;
        }
        continue;
      }
      // An object constructor may also write its items `key: value` (HCL's native syntax).
      const isAttribute = (this.textOf(k + 1) === '=' && this.textOf(k + 2) !== '=') || this.textOf(k + 1) === ':';
      const isBlock = this.textOf(k + 1) === '{' || ((tokens.kinds[k + 1] === STR || tokens.kinds[k + 1] === ID) && this.textOf(k + 2) === '{');
      if (!isAttribute && !isBlock) {
        continue;
      }
      const line = this.lineOf(k);
      let valueStart = k + 2;
      let valueEnd = valueStart;
      if (isBlock) {
        const blockOpen = this.textOf(k + 1) === '{' ? k + 1 : k + 2;
        valueStart = blockOpen;
        valueEnd = partner[blockOpen] > 0 ? partner[blockOpen] + 1 : blockOpen + 1;
      } else {
        while (valueEnd < close && (this.lineOf(valueEnd) === line || (partner[valueEnd] < 0 && tokens.kinds[valueEnd] === PUNCT && /[,)\]}]/.test(tokens.text(valueEnd))))) {
          const p = partner[valueEnd];
          valueEnd = p > valueEnd ? p + 1 : valueEnd + 1;
        }
      }
      if (valueEnd <= valueStart) {
        continue;
      }
      const lastLine = this.lines.lineOf(tokens.ends[valueEnd - 1]);
      const name = tokens.text(k);
      const literal = isBlock ? { kind: 'expr' as const, text: this.text.slice(tokens.starts[valueStart], tokens.ends[valueEnd - 1]) } : this.literalOf(valueStart, valueEnd);
      const option: OptionOccurrence = {
        name,
        norm: normalizeName(name),
        key: { start: tokens.starts[k], end: tokens.ends[k] },
        value: { start: tokens.starts[valueStart], end: tokens.ends[valueEnd - 1] },
        literal,
        removal: {
          start: this.lines.lineStart(line),
          end: lastLine + 1 < this.lines.lineCount ? this.lines.lineStart(lastLine + 1) : this.lines.lineEnd(lastLine),
        },
      };
      if (valueEnd - valueStart === 1 && literal.kind !== 'expr' && literal.kind !== 'none') {
        option.literalSpan = { start: tokens.starts[valueStart], end: tokens.ends[valueStart] };
      }
      // A secret's literal that a `.tfvars` file writes: the finding points there (the model keeps no literal to quote).
      const secret = literal.kind === 'str' && literal.value === WRITTEN_SECRET ? this.secretAssignedAt(valueStart, valueEnd) : undefined;
      if (secret) {
        option.passedFrom = { at: secret.at, text: `${secret.name} = …` };
      }
      items.push({ option, first: valueStart, end: valueEnd, block: isBlock });
      k = valueEnd - 1;
    }
    return items;
  }

  /**
   * The blocks `dynamic "replica" { ... }` generates, each as an option of the block's name keyed on its label, so
   * that the rules about such blocks see them (`replica` of a table); their values are expressions, never literals.
   */
  private dynamicBlocks(items: readonly { option: OptionOccurrence; first: number; block: boolean }[]): OptionOccurrence[] {
    const { tokens } = this;
    const generated: OptionOccurrence[] = [];
    for (const item of items) {
      const label = item.first - 1;
      if (!item.block || item.option.name !== 'dynamic' || (tokens.kinds[label] !== STR && tokens.kinds[label] !== ID) || tokens.interpolated(label)) {
        continue;
      }
      const name = tokens.text(label);
      generated.push({ ...item.option, name, norm: normalizeName(name), key: { start: tokens.textStart(label), end: tokens.textEnd(label) }, literalSpan: undefined });
    }
    return generated;
  }

  /**
   * The arguments the `content` of a `dynamic` block sets where the rules read that block's arguments as the resource's
   * own (`dynamic "cluster_mode" { content { replicas_per_node_group = ... } }`): set, to values unknown here, since the
   * block is made once per element of its `for_each`, maybe never.
   */
  private dynamicNestedArguments(items: readonly BodyItem[], generated: readonly OptionOccurrence[], readsAsOwn: (block: string, argument: string) => boolean): OptionOccurrence[] {
    const found: OptionOccurrence[] = [];
    for (const item of items) {
      const block = item.option.name === 'dynamic' ? generated.find((option) => option.value.start === item.option.value.start)?.name : undefined;
      const content = block === undefined ? undefined : this.body(item.first, item.end - 1).find((inner) => inner.block && inner.option.name === 'content');
      if (block === undefined || !content) {
        continue;
      }
      for (const { option, block: nestedBlock } of this.body(content.first, content.end - 1)) {
        if (!nestedBlock && readsAsOwn(block, option.name)) {
          found.push({ ...option, literal: { kind: 'expr', text: this.text.slice(option.value.start, option.value.end) }, literalSpan: undefined });
        }
      }
    }
    return found;
  }

  private insertion(open: number, options: OptionOccurrence[]): OptionContext['insertion'] {
    const first = options[0];
    const openLine = this.lineOf(open);
    return {
      offset: openLine + 1 < this.lines.lineCount ? this.lines.lineStart(openLine + 1) : this.text.length,
      indent: first ? this.lines.indentation(this.lines.lineOf(first.key.start)) : `${this.lines.indentation(openLine)}  `,
      style: 'hcl',
    };
  }

  /** The top-level `locals {` blocks. */
  private *localsBlocks(): Generator<{ open: number; close: number }> {
    const { tokens, partner } = this;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens.kinds[i] === ID && tokens.is(i, 'locals') && this.textOf(i + 1) === '{' && partner[i + 1] > 0 && (i === 0 || this.lineOf(i - 1) !== this.lineOf(i))) {
        yield { open: i + 1, close: partner[i + 1] };
      }
      if (partner[i] > i) {
        i = partner[i];
      }
    }
  }

  /**
   * The top-level blocks `keyword "label" {` (one label) or `keyword "a" "b" {` (two), in order. A label may also be
   * a bare identifier (`resource aws_db_instance main {`, `module rds {`), which the HCL native syntax accepts.
   */
  private *blocks(): Generator<{ keyword: string; at: number; labels: number; open: number; close: number }> {
    const { tokens, partner } = this;
    const isLabel = (k: number): boolean => tokens.kinds[k] === STR || tokens.kinds[k] === ID;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens.kinds[i] !== ID || (i > 0 && this.lineOf(i - 1) === this.lineOf(i)) || !isLabel(i + 1)) {
        continue;
      }
      const labels = isLabel(i + 2) ? 2 : 1;
      const open = i + 1 + labels;
      if (this.textOf(open) === '{' && partner[open] > 0 && this.lineOf(open) === this.lineOf(i)) {
        yield { keyword: tokens.text(i), at: i, labels, open, close: partner[open] };
        i = partner[open];
      }
    }
  }

  read(): void {
    for (const block of this.blocks()) {
      if (block.keyword === 'variable' && block.labels === 1) {
        const name = this.tokens.text(block.at + 1);
        this.declared.add(name);
        const items = this.body(block.open, block.close);
        const type = items.find((item) => item.option.name === 'type' && !item.block);
        if (type) {
          this.variableTypes.set(name, this.text.slice(type.option.value.start, type.option.value.end));
        }
        const fallback = items.find((item) => item.option.name === 'default' && !item.block);
        if (fallback) {
          this.named.set(`var.${this.tokens.text(block.at + 1)}`, fallback);
        }
      } else if (block.keyword === 'resource' && block.labels === 2 && terraformStoreKind(this.tokens.text(block.at + 1)) !== undefined) {
        this.ingressReader.noteStorePort(terraformStoreKind(this.tokens.text(block.at + 1))!, this.body(block.open, block.close));
      } else if (block.keyword === 'data' && block.labels === 2) {
        // A lookup's arguments, for `data.aws_rds_engine_version.<name>.version` and `.engine`, `data.aws_iam_policy.<name>.arn`.
        for (const item of this.body(block.open, block.close)) {
          const key = item.block ? undefined : dataArgumentKey(this.tokens.text(block.at + 1), this.tokens.text(block.at + 2), item.option.name);
          if (key) {
            this.named.set(key, item);
          }
        }
      }
    }
    for (const block of this.localsBlocks()) {
      for (const item of this.body(block.open, block.close)) {
        if (!item.block) {
          this.named.set(`local.${item.option.name}`, item);
        }
      }
    }
    for (const block of this.blocks()) {
      if (block.keyword === 'resource' && block.labels === 2) {
        this.resource(block.at, block.open, block.close);
        const type = this.tokens.text(block.at + 1);
        noteGroupUses(this.tokens, this.partner, (token) => this.lineOf(token), block.open, block.close, type, this.ingressReader.groupUses);
        this.ingressReader.groupUses.declare(type);
      } else if (block.keyword === 'module' && block.labels === 1) {
        // A module might put a database or cache in a group, unless the workspace shows its folder holds none
        // or it is a registry module that makes none; a registry module the engine knows holds what it makes.
        const { source, makes } = this.module(block.at, block.open, block.close);
        const held = this.outside?.moduleHoldsDataStore?.(source);
        const consumer = held === false || makesNoDataStore(source) ? MODULE_WITHOUT_DATA_STORE : makes;
        noteGroupUses(this.tokens, this.partner, (token) => this.lineOf(token), block.open, block.close, consumer, this.ingressReader.groupUses);
        this.ingressReader.groupUses.declare(consumer);
      } else if (block.keyword === 'provider' && block.labels === 1 && this.tokens.text(block.at + 1) === 'aws') {
        this.contexts.push(...awsProviderCredentials(this, block.open, block.close));
      } else if (block.keyword === 'data' && block.labels === 2 && this.tokens.text(block.at + 1) === TEMPLATE_FILE && this.outside?.containerTemplate?.(this.tokens.text(block.at + 2))) {
        this.contexts.push(...templateFileContext(this, block.open, block.close));
      }
    }
    this.terragrunt();
    // The module's data stores are known only where the workspace has read its folder.
    const nearby = this.outside?.folderDataStores?.();
    const handedOut = nearby === undefined ? undefined : this.outside?.groupHandedOut;
    this.ingressReader.groupUses.settle((group) => this.outside?.groupUse?.(group), nearby, handedOut);
  }

  /**
   * A Terragrunt configuration: its `inputs` are a module call's (the `inputs` token is its label), but for those
   * a `.tfvars` file beside it sets (Terragrunt copies it along and Terraform prefers it to `TF_VAR_`) and those its
   * included parents' var-files set. Under a deep merge (https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#include)
   * a parent's list or map input of the same name joins the child's, so only single values are read then; an absent
   * input counts only where no parent passes inputs or var-files. An include the workspace cannot follow reads nothing.
   */
  private terragrunt(): void {
    const call = terragruntCall(this, this.outside?.repositoryPath);
    if (!call) {
      return;
    }
    const overridden = new Set<string>();
    let completeCall = !call.releaseUnknown;
    let scalarsOnly = false;
    for (const include of call.includes) {
      if (include.strategy === 'no_merge') {
        continue;
      }
      const parent = include.path && (include.strategy === 'shallow' || include.strategy === 'deep') ? this.outside?.terragruntIncluded?.(include.path) : undefined;
      if (!parent) {
        return;
      }
      parent.overridden.forEach((name) => overridden.add(name));
      completeCall &&= !parent.setsVariables;
      scalarsOnly ||= include.strategy === 'deep' && parent.setsInputs;
    }
    const inputs = call.items.filter(
      (item) => this.outside?.assigned?.(item.option.name) === undefined && !overridden.has(item.option.name) && !(scalarsOnly && (item.block || item.option.literal.kind === 'expr')),
    );
    this.moduleInputs(call.inputs - 1, [call.source, ...call.pinned, ...inputs], completeCall);
  }

  lentObjects(item: Range): TerraformObject[] | undefined {
    const elements = this.forEachElements(item);
    return elements?.every((element) => element.object) ? elements.map((element) => element.object!) : undefined;
  }

  private resource(at: number, open: number, close: number): void {
    const written = this.body(open, close);
    // With a `for_each` written in this file, `each.value.x` stands for what its elements give.
    const forEach = written.find((item) => item.option.name === 'for_each' && !item.block);
    this.each = forEach && this.forEachElements(forEach);
    const elements = this.each;
    const contextsBefore = this.contexts.length;
    const items = this.each ? this.body(open, close) : written;
    const type = this.tokens.text(at + 1);
    const options = withSwitchValues(type, items, (block) => this.body(block.first, block.end - 1));
    const generated = this.dynamicBlocks(items);
    const nestedBlocks = NESTED_ARGUMENT_BLOCKS[type] ?? [];
    const nested = items
      .filter((item) => item.block && nestedBlocks.includes(item.option.name))
      .flatMap((item) => this.body(item.first, item.end - 1).filter((inner) => !inner.block))
      .map((inner) => inner.option);
    const named = NESTED_NAMED_ARGUMENTS[type];
    const parts = namedBlockParts(type, items, (block) => this.body(block.first, block.end - 1));
    nested.push(...(parts ?? []).flatMap((part) => part.options));
    nested.push(...this.dynamicNestedArguments(items, generated, (block, argument) => nestedBlocks.includes(block) || (block === named?.block && named.names.has(argument))));
    if (LAMBDA_RESOURCES.has(type)) {
      nested.push(...terraformEnvironmentPasswords(this, items));
    } else if (TASK_DEFINITIONS.has(type)) {
      nested.push(...terraformContainerPasswords(this, items));
    }
    const eachRanges = this.each?.every((element) => element.range) ? this.each.map((element) => element.range!) : undefined;
    nested.push(...terraformFullAccess(this, type, items, forEach && (eachRanges || !this.each) ? { forEach, elements: eachRanges } : undefined));
    this.each = undefined;
    this.contexts.push({
      kind: 'terraform',
      type,
      options: [...options, ...generated, ...nested],
      // A `dynamic` block generates nested blocks only, never the resource's own arguments: the settings stay all
      // visible unless a block's label cannot be read (then which block it makes is unknown).
      complete: generated.length === options.filter((option) => option.name === 'dynamic').length,
      anchor: this.span(at + 2),
      typeSpan: this.span(at + 1),
      insertion: this.insertion(open, options),
      ...(parts ? { parts: { items: parts, only: false } } : {}),
    });
    this.ingressReader.resource(type, written, this.tokens.text(at + 2));
    this.elementVariants(type, open, close, elements, [...options, ...nested], contextsBefore);
  }

  /**
   * Arguments whose `each.value.x` differs between the `for_each` elements (one tenant's database public, the
   * others not): each such option of the contexts read since `contextsBefore` gives, variant by variant, what
   * one element gives (`DocumentModel.variants`), so the checks judge every element and report a place once.
   * `read` is the options as read with all elements (the body's, and the arguments of its nested blocks:
   * `point_in_time_recovery { enabled = each.value.pitr }`), whose literal (unknown where they differ) the
   * contexts keep unless a module's own logic replaced it.
   */
  private elementVariants(type: string, open: number, close: number, elements: typeof this.each, read: readonly OptionOccurrence[], contextsBefore: number): void {
    if (!elements || elements.length < 2 || this.contexts.length === contextsBefore) {
      return;
    }
    const perElement = new Map<number, Literal[]>();
    elements.slice(0, MAX_ELEMENT_VARIANTS).forEach((element, index) => {
      this.each = [element];
      const items = this.body(open, close);
      const nested = items.filter((item) => item.block).flatMap((item) => this.body(item.first, item.end - 1).filter((inner) => !inner.block));
      for (const option of [...withSwitchValues(type, items, (block) => this.body(block.first, block.end - 1)), ...nested.map((inner) => inner.option)]) {
        const literals = perElement.get(option.key.start) ?? [];
        literals[index] = option.literal;
        perElement.set(option.key.start, literals);
      }
    });
    this.each = undefined;
    const common = new Map(read.map((option) => [option.key.start, option.literal]));
    const variants = this.variants;
    for (const context of this.contexts.slice(contextsBefore)) {
      context.options = context.options.map((option) => {
        const literals = perElement.get(option.key.start);
        if (!literals || option.literal !== common.get(option.key.start) || option.literal.kind !== 'expr' || literals.every((literal) => literal.kind === 'expr')) {
          return option;
        }
        variants.count = Math.max(variants.count, literals.length);
        return Object.create(option, { literal: { get: () => literals[variants.current] ?? option.literal, enumerable: true } }) as OptionOccurrence;
      });
    }
  }

  /**
   * A `module` block: its inputs as the arguments they reach; returns its source as written and, for a
   * registry module the engine knows, the resource it makes. With a `for_each` written in this file,
   * `each.value.x` stands for what its elements give, as in a resource.
   */
  private module(at: number, open: number, close: number): { source: string; makes?: string } {
    const written = this.body(open, close);
    const forEach = written.find((item) => item.option.name === 'for_each' && !item.block);
    this.each = forEach && this.forEachElements(forEach);
    const elements = this.each;
    const contextsBefore = this.contexts.length;
    const items = this.each ? this.body(open, close) : written;
    try {
      return this.moduleInputs(at, items);
    } finally {
      this.each = undefined;
      this.elementVariants('module', open, close, elements, items.map((item) => item.option), contextsBefore);
    }
  }

  /** `complete`: whether the block shows every input, so that an absent one takes the module's default. */
  private moduleInputs(at: number, items: BodyItem[], complete = true): { source: string; makes?: string } {
    const sourceItem = items.find((item) => item.option.name === 'source');
    const sourceText = sourceItem?.option.literal.kind === 'str' ? sourceItem.option.literal.value : '';
    const securityGroup = securityGroupModule(sourceText);
    if (securityGroup) {
      this.ingressReader.securityGroupModule(items, securityGroup.autoRules, `module.${this.tokens.text(at + 1)}`);
      return { source: sourceText };
    }
    const source = registrySource(sourceText);
    const module = source ? registryModule(source) : undefined;
    if (!module || !sourceItem) {
      if (sourceItem) {
        this.folderModule(at, sourceItem, sourceText, items);
        if (remoteModuleSource(sourceText)) {
          this.unreadModule(at, sourceItem, items);
        }
      }
      // terraform-aws-modules/lambda: a function whose `environment_variables` are its environment.
      const passwords = normalizedModuleSource(sourceText) === LAMBDA_MODULE ? terraformMapPasswords(this, items.find((item) => item.option.name === 'environment_variables')) : [];
      if (passwords.length > 0) {
        this.contexts.push({ kind: 'terraform', type: 'aws_lambda_function', options: passwords, complete: false, anchor: this.span(at + 1) });
      }
      for (const { type, options } of moduleFullAccess(this, normalizedModuleSource(sourceText), items)) {
        this.contexts.push({ kind: 'terraform', type, options, complete: false, anchor: this.span(at + 1) });
      }
      return { source: sourceText };
    }
    const written = items.filter((item) => !MODULE_META_ARGUMENTS.has(item.option.name)).map((item) => item.option);
    // An older release the block pins may have had other defaults.
    const newest = pinnedRelease(items.find((item) => item.option.name === 'version')?.option.literal, sourceText);
    const inputs = (module.effective?.(written, newest) ?? written).map((option) => ({ ...option, norm: normalizeName(argumentOf(module, option.name)) }));
    this.ingressReader.module(module, items);
    const secondInputs = new Set(module.second?.inputs ?? []);
    const own = inputs.filter((option) => !secondInputs.has(option.name));
    const defaults = defaultLiterals(module, written, newest);
    // A module's inputs are all visible in its block (unless `complete` says otherwise), and its defaults say what an absent one means.
    const chosenDefaults = complete ? chosenLiterals(module, defaults) : new Map();
    const base = { kind: 'terraform' as const, complete, anchor: this.span(at + 1), typeSpan: sourceItem.option.value, defaults, ...(chosenDefaults.size > 0 ? { chosenDefaults } : {}) };
    this.contexts.push({ ...base, type: module.resourceFor?.(inputs) ?? module.resource, options: own });
    const second = inputs.filter((option) => secondInputs.has(option.name));
    const perInstance = items.find((item) => item.option.name === module.second?.perInstance);
    if (perInstance) {
      second.push(...this.keysWithin(perInstance, secondInputs));
    }
    if (module.second && second.length > 0) {
      this.contexts.push({ ...base, type: module.second.resource, options: second });
    }
    return { source: sourceText, makes: module.resource };
  }

  /**
   * A module from a source the engine cannot read (another registry namespace, git) whose `engine` input
   * names an RDS engine, or Redis beside a cache node type: its inputs as written, with no defaults, so only what
   * the block writes counts.
   */
  private unreadModule(at: number, sourceItem: BodyItem, items: readonly BodyItem[]): void {
    const inputs = items.filter((item) => !item.block && !MODULE_META_ARGUMENTS.has(item.option.name)).map((item) => item.option);
    for (const { type, options } of [...unreadModuleDatabase(inputs), ...unreadModuleCache(inputs)]) {
      this.contexts.push({ kind: 'terraform', type, options, complete: false, anchor: this.span(at + 1), typeSpan: sourceItem.option.value });
    }
  }

  /**
   * A module folder of the workspace: each input that one of its database resources takes whole
   * (`auth_token = var.auth_token`) read as that argument of that resource. The module's own files say
   * what an absent input means, so absence counts against no rule here.
   */
  private folderModule(at: number, sourceItem: BodyItem, sourceText: string, items: readonly BodyItem[]): void {
    const targets = this.outside?.moduleInputs?.(sourceText);
    if (!targets) {
      return;
    }
    const byResource = new Map<string, OptionOccurrence[]>();
    const reachedTargets: ModuleInputTarget[] = [];
    const passed = [...items, ...this.objectInputEntries(items)];
    for (const item of passed) {
      const { option } = item;
      const target = MODULE_META_ARGUMENTS.has(option.name) ? undefined : targets.get(option.name);
      const port = target?.admittedOn && admissionPort(target.admittedOn, items);
      if (port !== undefined) {
        this.ingressReader.admitted(item, port);
      }
      const rulePort = target?.opensTo && portLiteral(option.literal);
      if (rulePort !== undefined) {
        this.ingressReader.openedOn(item, rulePort, target!.opensTo!);
      }
      for (const reached of target ? [target, ...(target.more ?? [])] : []) {
        reachedTargets.push(reached);
        const options = byResource.get(reached.resource) ?? [];
        byResource.set(reached.resource, options);
        // A per-instance map passed on whole (`instances = var.instances` in the module): the keys its objects set here.
        options.push(...(reached.environment ? terraformMapPasswords(this, item) : reached.keys ? this.keysWithin(item, new Set(reached.keys)) : this.argumentFrom(option, reached)));
      }
    }
    for (const [type, options] of byResource) {
      if (options.length === 0) {
        continue;
      }
      const defaults = engineDefault(targets, type, passed);
      const writtenInFolder = folderWrites(reachedTargets, type);
      this.contexts.push({ kind: 'terraform', type, options, complete: false, anchor: this.span(at + 1), typeSpan: sourceItem.option.value, ...(defaults ? { defaults } : {}), ...(writtenInFolder ? { writtenInFolder } : {}) });
    }
  }

  /**
   * The entries of the object literals a module block passes (`settings = { multi_az = true }`, or a local of this
   * file written as one, `settings = local.settings`), named `settings.multi_az` as the folder's `var.settings.multi_az`
   * reads them; a local's entries are where its `locals` block writes them.
   */
  private objectInputEntries(items: readonly BodyItem[]): BodyItem[] {
    return items.flatMap((item) => {
      const object = item.block ? undefined : this.objectLiteralOf(item);
      const entries = object ? this.body(object.first, object.end - 1).filter((entry) => !entry.block) : [];
      return entries.map((entry) => ({ ...entry, option: { ...entry.option, name: `${item.option.name}.${entry.option.name}` } }));
    });
  }

  /** The object literal a value is written as: in place, or as what `local.name` stands for in this file. */
  private objectLiteralOf(item: Range): Range | undefined {
    const isObject = (range: Range): boolean => this.textOf(range.first) === '{' && this.partner[range.first] === range.end - 1 && this.textOf(range.first + 1) !== 'for';
    if (isObject(item)) {
      return item;
    }
    const local = item.end - item.first === 3 && this.tokens.is(item.first, 'local') && this.textOf(item.first + 1) === '.' ? this.named.get(`local.${this.tokens.text(item.first + 2)}`) : undefined;
    return local && isObject(local) ? local : undefined;
  }

  /**
   * The argument an input reaches, as the module block's line: the input's value, or where the module sets the
   * argument by a conditional on the input, the branch the input's literal chooses (for a switch that is no literal, a value unknown).
   * The value is not the argument's own, so no fix edits it; where the module sets a literal of its own in
   * other settings, the value is not certainly the argument's either, so no rule judges it.
   */
  private argumentFrom(option: OptionOccurrence, target: ModuleInputTarget): OptionOccurrence[] {
    const renamed = { ...option, name: target.argument, norm: normalizeName(target.argument) };
    if (target.partial) {
      return [{ ...renamed, literal: { kind: 'expr', text: this.text.slice(option.value.start, option.value.end) }, literalSpan: undefined }];
    }
    if (!target.when) {
      return [renamed];
    }
    // A switch of the argument (`var.backups ? 7 : 0`) with no literal to choose a branch still reaches it: a hover, no
    // value. An input compared with a value (`var.environment == "prod"`) is about more than this argument.
    const outcome = conditionOutcome(target.when, option.literal);
    const literal = outcome ?? (target.when.equals === undefined ? { kind: 'expr' as const, text: this.text.slice(option.value.start, option.value.end) } : undefined);
    return literal ? [{ ...renamed, literal, literalSpan: undefined }] : [];
  }
}

export function readTerraform(text: string, lines: LineIndex, outside?: OutsideValues): DocumentModel {
  const { tokens, comments } = lex(text, 'hcl');
  const reader = new TerraformReader(text, tokens, lines, outside);
  reader.read();
  // A child module's outputs reach only its caller: Terraform keeps and shows the root module's
  // (https://developer.hashicorp.com/terraform/language/state/remote-state-data), whose output is judged there.
  const passwords = outside?.calledAsModule?.() ? [] : passwordOutputs(text, outside?.randomPasswordUsed, outside?.childPasswordOutput);
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return {
    operations: [],
    redisCalls: [],
    scopes: NO_SCOPES,
    contexts: reader.contexts,
    commentPrefix: '#',
    suppressions,
    ingress: reader.ingressReader.rules,
    ...(reader.variants.count > 0 ? { variants: reader.variants } : {}),
    ...(passwords.length > 0 ? { passwordOutputs: passwords } : {}),
  };
}

