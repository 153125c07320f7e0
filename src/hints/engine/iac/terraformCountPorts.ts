/**
 * A Terraform rule resource made once per port of a list (`count = length(var.db_ports)` with
 * `from_port = element(var.db_ports, count.index)` or `var.db_ports[count.index]`, `to_port` the same): the
 * ports of its instances, one literal each, from the list as this file writes it or another file of the module
 * lends it. Undefined for any other rule, and where `from_port` and `to_port` index different lists.
 */
import { Literal } from '../model';
import type { BodyItem, HclValues, Range } from './terraformIngress';

/** The list a port expression indexes by `count.index`, as a token range, or undefined. */
function indexedList(hcl: HclValues, item: BodyItem): Range | undefined {
  const { tokens } = hcl;
  const { first, end } = item;
  // `element(list, count.index)`: the call's parentheses are the whole value, `, count.index` their last tokens.
  if (tokens.is(first, 'element') && hcl.textOf(first + 1) === '(' && hcl.partner[first + 1] === end - 1 && end - 5 > first + 2 && isCountIndexAfter(hcl, end - 5, ',')) {
    return { first: first + 2, end: end - 5 };
  }
  // `list[count.index]`: the brackets close the value and hold `count.index` alone.
  const open = hcl.textOf(end - 1) === ']' ? hcl.partner[end - 1] : -1;
  if (open > first && open === end - 5 && isCountIndexAfter(hcl, open, '[')) {
    return { first, end: open };
  }
  return undefined;
}

/** Whether the token at `at` is `separator`, followed by `count . index`. */
function isCountIndexAfter(hcl: HclValues, at: number, separator: string): boolean {
  return hcl.textOf(at) === separator && hcl.tokens.is(at + 1, 'count') && hcl.textOf(at + 2) === '.' && hcl.tokens.is(at + 3, 'index');
}

/** The port of each instance of a rule made per element of a list of ports, or undefined. */
export function countedPorts(hcl: HclValues, items: readonly BodyItem[]): Literal[] | undefined {
  const named = (name: string): BodyItem | undefined => items.find((item) => item.option.name === name && !item.block);
  const count = named('count');
  const from = named('from_port');
  const to = named('to_port');
  const list = count && from && to ? indexedList(hcl, from) : undefined;
  if (!list || !sameText(hcl, from!, to!)) {
    return undefined;
  }
  const written = hcl.elements(list)?.map((element) => hcl.literalOf(element.first, element.end));
  return written ?? hcl.lentStrings(list)?.map(({ literal }) => literal);
}

function sameText(hcl: HclValues, a: Range, b: Range): boolean {
  if (a.end - a.first !== b.end - b.first) {
    return false;
  }
  for (let k = 0; k < a.end - a.first; k++) {
    if (hcl.textOf(a.first + k) !== hcl.textOf(b.first + k)) {
      return false;
    }
  }
  return true;
}
