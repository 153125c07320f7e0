/** Quick-fix edits, computed from the model without touching the editor. */
import { OptionContext, OptionOccurrence, PaginationFixShape, RedisCall } from './model';
import { LineIndex } from './text';
import { HintLanguage, HintRule, normalizeName, QuickFix, Span, TextEdit } from './types';

export function formatLiteral(value: boolean | number, language: HintLanguage): string {
  if (typeof value === 'number') {
    return String(value);
  }
  if (language === 'python') {
    return value ? 'True' : 'False';
  }
  return value ? 'true' : 'false';
}

/** Replace an option's literal value. */
export function setValueFix(option: OptionOccurrence, value: boolean | number | string, language: HintLanguage): QuickFix | undefined {
  if (!option.literalSpan) {
    return undefined;
  }
  let text: string;
  if (typeof value === 'string') {
    // A word replaces a word: quoted where the old value was quoted (JSON, quoted YAML), bare otherwise.
    const quoted = option.literal.kind === 'str' && option.literalSpan.end - option.literalSpan.start === option.literal.value.length + 2;
    text = quoted ? JSON.stringify(value) : value;
  } else {
    text = formatLiteral(value, language);
  }
  return { title: `Set ${option.name} to ${text}`, edits: [{ ...option.literalSpan, newText: text }] };
}

/** Add a missing property to a CloudFormation or Terraform resource. */
export function insertPropertyFix(rule: HintRule, context: OptionContext, property: string, value: boolean | number | string): QuickFix | undefined {
  const insertion = context.insertion;
  if (!insertion) {
    return undefined;
  }
  const literal = typeof value !== 'string' ? formatLiteral(value, 'cloudformation') : insertion.style === 'yaml' ? value : JSON.stringify(value);
  let name = property;
  let line: string;
  if (insertion.style === 'hcl') {
    const argument = rule.match.terraform?.arguments.find((candidate) => normalizeName(candidate) === normalizeName(property));
    if (!argument) {
      return undefined;
    }
    name = argument;
    line = `${insertion.indent}${name} = ${literal}\n`;
  } else if (insertion.style === 'json') {
    if (context.options.length === 0) {
      return undefined;
    }
    line = `${insertion.indent}"${name}": ${literal},\n`;
  } else {
    line = `${insertion.indent}${name}: ${literal}\n`;
  }
  return { title: `Add ${name}: ${literal}`, edits: [{ start: insertion.offset, end: insertion.offset, newText: line }] };
}

/** Remove an option: its key, value and separator, and the whole line when nothing else shares it. */
export function removeOptionFix(option: OptionOccurrence, lines: LineIndex): QuickFix {
  return { title: `Remove ${option.name}`, edits: [{ ...wholeLines(lines, option.removal), newText: '' }] };
}

/** Widens a span to whole lines when nothing else shares them (done here, for the few options a fix removes). */
function wholeLines(lines: LineIndex, span: Span): Span {
  const startLine = lines.lineOf(span.start);
  const endLine = lines.lineOf(span.end);
  if (isBlank(lines.text, lines.lineStart(startLine), span.start) && isBlank(lines.text, span.end, lines.lineEnd(endLine))) {
    const nextLineStart = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
    return { start: lines.lineStart(startLine), end: nextLineStart };
  }
  return span;
}

const WHITESPACE_RUN = /\s*/y;

/** Whether text[from, to) is all whitespace, without slicing it. */
function isBlank(text: string, from: number, to: number): boolean {
  WHITESPACE_RUN.lastIndex = from;
  WHITESPACE_RUN.test(text);
  return WHITESPACE_RUN.lastIndex >= to;
}

export function paginationFix(shape: PaginationFixShape): QuickFix {
  const edits: TextEdit[] = [];
  const i = shape.indent;
  const step = shape.indent.includes('\t') ? '\t' : '  ';
  let code: string;
  if (shape.flavor === 'js-send') {
    const pages = `${shape.variable}Pages`;
    const paginator = `paginate${shape.operation}`;
    code =
      `const ${pages} = [];\n` +
      `${i}for await (const page of ${paginator}({ client: ${shape.receiver} }, ${shape.argsText})) {\n` +
      `${i}${step}${pages}.push(page);\n` +
      `${i}}\n` +
      `${i}const ${shape.variable} = { Items: ${pages}.flatMap((page) => page.Items ?? []) };`;
    if (shape.importInsert) {
      edits.push({ start: shape.importInsert.offset, end: shape.importInsert.offset, newText: shape.importInsert.text });
    }
  } else {
    const pyStep = '    ';
    const kwargs = `${shape.operation.toLowerCase()}_kwargs`;
    const method = shape.operation.toLowerCase();
    code =
      `${shape.variable} = {"Items": []}\n` +
      `${i}${kwargs} = dict(${shape.argsText})\n` +
      `${i}while True:\n` +
      `${i}${pyStep}page = ${shape.receiver}.${method}(**${kwargs})\n` +
      `${i}${pyStep}${shape.variable}["Items"].extend(page["Items"])\n` +
      `${i}${pyStep}if "LastEvaluatedKey" not in page:\n` +
      `${i}${pyStep}${pyStep}break\n` +
      `${i}${pyStep}${kwargs}["ExclusiveStartKey"] = page["LastEvaluatedKey"]`;
  }
  edits.push({ ...shape.statement, newText: code });
  return { title: 'Read every page (pagination loop)', edits };
}

export function keysToScanFix(call: RedisCall, language: HintLanguage): QuickFix | undefined {
  if (call.flavor === 'redis-py') {
    if (call.argsText.includes('=')) {
      return undefined;
    }
    const receiver = callReceiver(call);
    if (!receiver) {
      return undefined;
    }
    const match = call.argsText ? `match=${call.argsText}, count=500` : 'count=500';
    return { title: 'Replace KEYS with a SCAN iterator', edits: [{ ...call.call, newText: `list(${receiver}.scan_iter(${match}))` }] };
  }
  if (call.flavor === 'redis-py-async') {
    // `keys = await r.keys(...)` becomes an async comprehension over scan_iter (the await goes with it).
    const receiver = callReceiver(call);
    if (!receiver || call.argsText.includes('=') || !call.statement?.awaited || call.nonBlocking) {
      return undefined;
    }
    const match = call.argsText ? `match=${call.argsText}, count=500` : 'count=500';
    const newText = `${call.statement.variable} = [key async for key in ${receiver}.scan_iter(${match})]`;
    return { title: 'Replace KEYS with a SCAN iterator', edits: [{ ...call.statement.span, newText }] };
  }
  if (call.flavor !== 'ioredis' || !call.statement || !call.statement.awaited || !call.statement.declaration || !call.argsText) {
    return undefined;
  }
  const receiver = callReceiver(call);
  if (!receiver) {
    return undefined;
  }
  const { variable, indent, declaration } = call.statement;
  const step = indent.includes('\t') ? '\t' : '  ';
  const cursor = `${variable}Cursor`;
  const annotation = language === 'typescript' ? ': string[]' : '';
  const code =
    `${declaration} ${variable}${annotation} = [];\n` +
    `${indent}let ${cursor} = '0';\n` +
    `${indent}do {\n` +
    `${indent}${step}const [next, batch] = await ${receiver}.scan(${cursor}, 'MATCH', ${call.argsText}, 'COUNT', 100);\n` +
    `${indent}${step}${cursor} = next;\n` +
    `${indent}${step}${variable}.push(...batch);\n` +
    `${indent}} while (${cursor} !== '0');`;
  return { title: 'Replace KEYS with a SCAN loop', edits: [{ ...call.statement.span, newText: code }] };
}

function callReceiver(call: RedisCall): string | undefined {
  return call.command === 'keys' && call.receiver ? call.receiver : undefined;
}

/** A comment line above `offset` that silences one rule there. */
export function suppressionFix(lines: LineIndex, offset: number, ruleId: string, commentPrefix: string): QuickFix {
  const line = lines.lineOf(offset);
  const start = lines.lineStart(line);
  return {
    title: `Suppress ${ruleId} on this line`,
    edits: [{ start, end: start, newText: `${lines.indentation(line)}${commentPrefix} aws-db-hints-disable-next-line ${ruleId}\n` }],
  };
}
