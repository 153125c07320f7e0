/**
 * What a `module` block's inputs give a module folder's resources beyond their own arguments: the port the
 * folder's security group admits a CIDR input on, the port a rule input opens, and the engine the folder
 * gives a resource where the block leaves the input out.
 */
import { Literal } from '../model';
import { normalizeName } from '../types';
import { ModuleInputTarget } from '../workspace/types';
import { BodyItem } from './terraformIngress';

/** The port a module folder's security group admits a block's CIDR input on: the folder's own, or the block's literal for the port's input. */
export function admissionPort(admittedOn: NonNullable<ModuleInputTarget['admittedOn']>, items: readonly BodyItem[]): number | undefined {
  if (admittedOn.port !== undefined) {
    return admittedOn.port;
  }
  return portLiteral(items.find((item) => item.option.name === admittedOn.portInput && !item.block)?.option.literal);
}

/** A port a block writes: a number, or a string of one. */
export function portLiteral(literal: Literal | undefined): number | undefined {
  return literal?.kind === 'num' ? literal.value : literal?.kind === 'str' && /^\d{1,5}$/.test(literal.value) ? Number(literal.value) : undefined;
}

/**
 * The engine a module folder gives `type` when the block leaves the input out, or that the folder writes itself
 * beside a version input (`engine = "aurora-postgresql"`, `engine_version = var.version`), and the version it writes
 * beside an engine input the block passes (`engine = var.engine`, `engine_version = "12.3"`), or that its version
 * input defaults to where the block leaves that input out, as `OptionContext.defaults`.
 */
export function engineDefault(targets: ReadonlyMap<string, ModuleInputTarget>, type: string, items: readonly BodyItem[]): ReadonlyMap<string, Literal> | undefined {
  const passes = (input: string): boolean => items.some((item) => item.option.name === input);
  for (const [input, target] of targets) {
    if (target.resource === type && target.byDefault !== undefined && !passes(input)) {
      return new Map([[normalizeName(target.argument), { kind: 'str', value: target.byDefault }]]);
    }
    if (target.resource === type && target.engine !== undefined && passes(input)) {
      return new Map([[normalizeName('engine'), { kind: 'str', value: target.engine }]]);
    }
    if (target.resource === type && target.version !== undefined && passes(input) && !(target.versionInput !== undefined && passes(target.versionInput))) {
      return new Map([[normalizeName('engine_version'), { kind: 'str', value: target.version }]]);
    }
  }
  return undefined;
}

/**
 * The arguments a module folder's resource of `type` writes (`OptionContext.writtenInFolder`), where every input the
 * block passes to that type says so; undefined where one does not (a registry module the folder calls, a conditional).
 */
export function folderWrites(reached: readonly ModuleInputTarget[], type: string): ReadonlySet<string> | undefined {
  const ofType = reached.filter((target) => target.resource === type);
  return ofType.length > 0 && ofType.every((target) => target.writes) ? new Set(ofType.flatMap((target) => target.writes!)) : undefined;
}
