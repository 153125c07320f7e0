/**
 * Resources and their properties in CloudFormation (YAML and JSON) and Terraform. Only properties of
 * a resource count: an IAM action string like `dynamodb:Scan` or an unrelated key elsewhere in the
 * template is never a match.
 */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from './lexer';
import { DocumentModel, Literal, NO_SCOPES, OptionContext, OptionOccurrence, parseSuppression } from './model';
import { LineIndex } from './text';
import { normalizeName, Span } from './types';

// Module constants rather than imported bindings: run unbundled (tsx), an import is read through the
// module object on every use.
const { ID, STR, NUM, PUNCT } = TOKEN_KIND;

const NO_CALLS = { operations: [], redisCalls: [], scopes: NO_SCOPES };

/** Cheap test used before parsing: does this YAML or JSON look like a CloudFormation template? */
export function looksLikeCloudFormation(text: string): boolean {
  return /(?:^|\n)\s*"?AWSTemplateFormatVersion"?\s*:|(?:^|\n)\s*"?Type"?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text);
}

// ----- CloudFormation YAML ------------------------------------------------------------------------

interface YamlLine {
  line: number;
  indent: number;
  key?: string;
  keySpan?: Span;
  /** Scalar after `key:` with its span, when on the same line. */
  value?: string;
  valueSpan?: Span;
  quoted?: boolean;
}

function yamlScalar(raw: string): { text: string; quoted: boolean } {
  const trimmed = raw.trim();
  if ((trimmed.startsWith('"') && trimmed.endsWith('"')) || (trimmed.startsWith("'") && trimmed.endsWith("'"))) {
    return { text: trimmed.slice(1, -1), quoted: true };
  }
  return { text: trimmed, quoted: false };
}

/** Strips a `#` comment that is not inside quotes. */
function stripYamlComment(text: string): { body: string; comment?: string } {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) {
        quote = '';
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return { body: text.slice(0, i), comment: text.slice(i) };
    }
  }
  return { body: text };
}

function yamlLiteral(value: string | undefined, quoted: boolean): Literal {
  if (value === undefined || value === '') {
    return { kind: 'expr', text: '' };
  }
  if (quoted) {
    return { kind: 'str', value };
  }
  if (/^(?:true|True|TRUE)$/.test(value)) {
    return { kind: 'bool', value: true };
  }
  if (/^(?:false|False|FALSE)$/.test(value)) {
    return { kind: 'bool', value: false };
  }
  if (/^-?\d+(?:\.\d+)?$/.test(value)) {
    return { kind: 'num', value: Number(value) };
  }
  if (value.startsWith('!') || value.startsWith('{') || value.startsWith('[') || value.startsWith('|') || value.startsWith('>')) {
    return { kind: 'expr', text: value };
  }
  return { kind: 'str', value };
}

export function analyzeCloudFormationYaml(text: string, lines: LineIndex): DocumentModel {
  const parsed: YamlLine[] = [];
  const suppressions: DocumentModel['suppressions'] = [];
  let blockIndent = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const raw = lines.lineText(line);
    const indent = /^[ ]*/.exec(raw)![0].length;
    if (blockIndent >= 0) {
      if (raw.trim() === '' || indent > blockIndent) {
        continue;
      }
      blockIndent = -1;
    }
    const { body, comment } = stripYamlComment(raw);
    if (comment) {
      const ids = parseSuppression(comment);
      if (ids) {
        suppressions.push({ line: line + 1, ruleIds: ids });
      }
    }
    if (body.trim() === '' || body.trim().startsWith('- ') || body.trim() === '-') {
      if (body.trim() !== '') {
        parsed.push({ line, indent });
      }
      continue;
    }
    const match = /^([ ]*)("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)[ ]*:(?:[ ]+(.*?))?[ ]*$/.exec(body);
    if (!match) {
      parsed.push({ line, indent });
      continue;
    }
    const keyRaw = match[2];
    const key = yamlScalar(keyRaw).text;
    const keyStart = start + match[1].length;
    const entry: YamlLine = { line, indent, key, keySpan: { start: keyStart, end: keyStart + keyRaw.length } };
    if (match[3] !== undefined && match[3] !== '') {
      const valueRaw = match[3];
      const valueStart = start + body.lastIndexOf(valueRaw);
      const scalar = yamlScalar(valueRaw);
      entry.value = scalar.text;
      entry.quoted = scalar.quoted;
      entry.valueSpan = { start: valueStart, end: valueStart + valueRaw.length };
      if (/^[|>][-+0-9]*$/.test(valueRaw)) {
        blockIndent = indent;
      }
    }
    parsed.push(entry);
  }

  const contexts: OptionContext[] = [];
  const resourcesAt = parsed.findIndex((entry) => entry.key === 'Resources' && entry.indent === 0);
  if (resourcesAt >= 0) {
    const children = (parent: number): number[] => {
      const result: number[] = [];
      const parentIndent = parsed[parent].indent;
      let childIndent = -1;
      for (let k = parent + 1; k < parsed.length; k++) {
        const entry = parsed[k];
        if (entry.indent <= parentIndent) {
          break;
        }
        if (childIndent < 0) {
          childIndent = entry.indent;
        }
        if (entry.indent === childIndent && entry.key !== undefined) {
          result.push(k);
        }
      }
      return result;
    };
    for (const resource of children(resourcesAt)) {
      const fields = children(resource);
      const typeEntry = fields.map((k) => parsed[k]).find((entry) => entry.key === 'Type');
      if (!typeEntry?.value || !/^AWS::/.test(typeEntry.value)) {
        continue;
      }
      const propertiesIndex = fields.find((k) => parsed[k].key === 'Properties');
      const options: OptionOccurrence[] = [];
      let insertion: OptionContext['insertion'];
      if (propertiesIndex !== undefined) {
        const props = children(propertiesIndex);
        for (const k of props) {
          const entry = parsed[k];
          const next = k + 1 < parsed.length ? parsed[k + 1] : undefined;
          const lineStart = lines.lineStart(entry.line);
          let endLine = entry.line;
          for (let m = k + 1; m < parsed.length && parsed[m].indent > entry.indent; m++) {
            endLine = parsed[m].line;
          }
          const nestedEnd = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
          options.push({
            name: entry.key!,
            norm: normalizeName(entry.key!),
            key: entry.keySpan!,
            value: entry.valueSpan ?? entry.keySpan!,
            literal: next && next.indent > entry.indent && !entry.value ? { kind: 'expr', text: '' } : yamlLiteral(entry.value, entry.quoted ?? false),
            removal: { start: lineStart, end: nestedEnd },
            ...(entry.valueSpan && entry.value !== undefined && !entry.value.startsWith('!') ? { literalSpan: entry.valueSpan } : {}),
          });
        }
        const first = props.length > 0 ? parsed[props[0]] : undefined;
        const propsLine = parsed[propertiesIndex].line;
        insertion = {
          offset: propsLine + 1 < lines.lineCount ? lines.lineStart(propsLine + 1) : text.length,
          indent: ' '.repeat(first ? first.indent : parsed[propertiesIndex].indent + 2),
          style: 'yaml',
        };
      }
      const resourceEntry = parsed[resource];
      const context: OptionContext = {
        kind: 'cloudformation',
        type: typeEntry.value,
        options,
        complete: propertiesIndex !== undefined ? parsed[propertiesIndex].value === undefined : true,
        anchor: resourceEntry.keySpan!,
        typeSpan: typeEntry.valueSpan!,
      };
      if (insertion) {
        context.insertion = insertion;
      }
      contexts.push(context);
    }
  }
  return { ...NO_CALLS, contexts, commentPrefix: '#', suppressions };
}

// ----- CloudFormation JSON ------------------------------------------------------------------------

type JsonNode =
  | { kind: 'object'; span: Span; entries: { key: string; keySpan: Span; value: JsonNode; entrySpan: Span }[]; openStart: number }
  | { kind: 'array'; span: Span }
  | { kind: 'scalar'; span: Span; literal: Literal };

const MAX_JSON_DEPTH = 64;

function parseJson(tokens: Tokens, partner: Int32Array): JsonNode | undefined {
  let position = 0;
  const node = (depth: number): JsonNode | undefined => {
    const kind = tokens.kinds[position];
    if (kind === undefined || depth > MAX_JSON_DEPTH) {
      return undefined;
    }
    const start = tokens.starts[position];
    if (kind === PUNCT && tokens.is(position, '{')) {
      const close = partner[position];
      if (close < 0) {
        return undefined;
      }
      const entries: { key: string; keySpan: Span; value: JsonNode; entrySpan: Span }[] = [];
      position++;
      while (position < close) {
        const key = position;
        // Compared by text, so that a string `":"` reads as the separator too.
        if (tokens.kinds[key] !== STR || !(tokens.kinds[key + 1] !== undefined && tokens.text(key + 1) === ':')) {
          position = close;
          break;
        }
        position += 2;
        const value = node(depth + 1);
        if (!value) {
          position = close;
          break;
        }
        const keyStart = tokens.starts[key];
        entries.push({ key: tokens.text(key), keySpan: { start: keyStart, end: tokens.ends[key] }, value, entrySpan: { start: keyStart, end: value.span.end } });
        if (tokens.kinds[position] !== undefined && tokens.text(position) === ',') {
          position++;
        }
      }
      position = close + 1;
      return { kind: 'object', span: { start, end: tokens.ends[close] }, entries, openStart: start };
    }
    if (kind === PUNCT && tokens.is(position, '[')) {
      const close = partner[position];
      if (close < 0) {
        return undefined;
      }
      position = close + 1;
      return { kind: 'array', span: { start, end: tokens.ends[close] } };
    }
    const text = tokens.text(position);
    const span = { start, end: tokens.ends[position] };
    position++;
    if (kind === STR) {
      return { kind: 'scalar', span, literal: { kind: 'str', value: text } };
    }
    if (kind === NUM) {
      return { kind: 'scalar', span, literal: { kind: 'num', value: Number(text) } };
    }
    if (text === 'true' || text === 'false') {
      return { kind: 'scalar', span, literal: { kind: 'bool', value: text === 'true' } };
    }
    return { kind: 'scalar', span, literal: { kind: 'none' } };
  };
  return node(0);
}

export function analyzeCloudFormationJson(text: string, lines: LineIndex): DocumentModel {
  const { tokens, comments } = lex(text, 'json');
  const root = parseJson(tokens, matchBrackets(tokens));
  const contexts: OptionContext[] = [];
  const resources = root?.kind === 'object' ? root.entries.find((entry) => entry.key === 'Resources')?.value : undefined;
  if (resources?.kind === 'object') {
    for (const resource of resources.entries) {
      if (resource.value.kind !== 'object') {
        continue;
      }
      const type = resource.value.entries.find((entry) => entry.key === 'Type');
      if (!type || type.value.kind !== 'scalar' || type.value.literal.kind !== 'str' || !type.value.literal.value.startsWith('AWS::')) {
        continue;
      }
      const properties = resource.value.entries.find((entry) => entry.key === 'Properties')?.value;
      const options: OptionOccurrence[] = [];
      const context: OptionContext = {
        kind: 'cloudformation',
        type: type.value.literal.value,
        options,
        complete: properties === undefined || properties.kind === 'object',
        anchor: resource.keySpan,
        typeSpan: type.value.span,
      };
      if (properties?.kind === 'object') {
        properties.entries.forEach((entry, index) => {
          const next = properties.entries[index + 1];
          const removal = next ? { start: entry.entrySpan.start, end: next.entrySpan.start } : entry.entrySpan;
          const occurrence: OptionOccurrence = {
            name: entry.key,
            norm: normalizeName(entry.key),
            key: entry.keySpan,
            value: entry.value.span,
            literal: entry.value.kind === 'scalar' ? entry.value.literal : { kind: 'expr', text: '' },
            removal,
          };
          if (entry.value.kind === 'scalar') {
            occurrence.literalSpan = entry.value.span;
          }
          options.push(occurrence);
        });
        const openLine = lines.lineOf(properties.openStart);
        const first = properties.entries[0];
        context.insertion = {
          offset: openLine + 1 < lines.lineCount ? lines.lineStart(openLine + 1) : text.length,
          indent: first ? lines.indentation(lines.lineOf(first.keySpan.start)) : `${lines.indentation(openLine)}  `,
          style: 'json',
        };
      }
      contexts.push(context);
    }
  }
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return { ...NO_CALLS, contexts, suppressions };
}

// ----- Terraform ----------------------------------------------------------------------------------

export function analyzeTerraform(text: string, lines: LineIndex): DocumentModel {
  const { tokens, comments } = lex(text, 'hcl');
  const partner = matchBrackets(tokens);
  const contexts: OptionContext[] = [];
  const lineOf = (index: number): number => lines.lineOf(tokens.starts[index]);
  /** A token's text, string or not; undefined past the end. */
  const textOf = (index: number): string | undefined => (tokens.kinds[index] === undefined ? undefined : tokens.text(index));
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens.kinds[i] !== ID || !tokens.is(i, 'resource') || tokens.kinds[i + 1] !== STR || tokens.kinds[i + 2] !== STR || textOf(i + 3) !== '{') {
      continue;
    }
    const open = i + 3;
    const close = partner[open];
    if (close < 0) {
      continue;
    }
    const options: OptionOccurrence[] = [];
    // Arguments and nested blocks of the resource: the first token of a line, followed by `=` or `{`.
    // Values and nested blocks are skipped whole, so only top-level arguments are read.
    for (let k = open + 1; k < close; k++) {
      if (tokens.kinds[k] !== ID || lineOf(k) === lineOf(k - 1)) {
        const p = partner[k];
        if (p > k) {
          k = p;
        }
        continue;
      }
      const isAttribute = textOf(k + 1) === '=' && textOf(k + 2) !== '=';
      const isBlock = textOf(k + 1) === '{' || (tokens.kinds[k + 1] === STR && textOf(k + 2) === '{');
      if (!isAttribute && !isBlock) {
        continue;
      }
      const line = lineOf(k);
      let valueStart = k + 2;
      let valueEnd = valueStart;
      if (isBlock) {
        const blockOpen = textOf(k + 1) === '{' ? k + 1 : k + 2;
        valueStart = blockOpen;
        valueEnd = partner[blockOpen] > 0 ? partner[blockOpen] + 1 : blockOpen + 1;
      } else {
        while (valueEnd < close && (lineOf(valueEnd) === line || partner[valueEnd] < 0 && tokens.kinds[valueEnd] === PUNCT && /[,)\]}]/.test(tokens.text(valueEnd)))) {
          const p = partner[valueEnd];
          valueEnd = p > valueEnd ? p + 1 : valueEnd + 1;
        }
      }
      if (valueEnd <= valueStart) {
        continue;
      }
      const lastLine = lines.lineOf(tokens.ends[valueEnd - 1]);
      const removal = {
        start: lines.lineStart(line),
        end: lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.lineEnd(lastLine),
      };
      const single = valueEnd - valueStart === 1;
      const singleKind = single ? tokens.kinds[valueStart] : undefined;
      const singleText = single ? tokens.text(valueStart) : '';
      let literal: Literal = { kind: 'expr', text: text.slice(tokens.starts[valueStart], tokens.ends[valueEnd - 1]) };
      if (singleKind === NUM) {
        literal = { kind: 'num', value: Number(singleText) };
      } else if (singleKind === STR && !tokens.interpolated(valueStart)) {
        literal = { kind: 'str', value: singleText };
      } else if (singleKind === ID && (singleText === 'true' || singleText === 'false')) {
        literal = { kind: 'bool', value: singleText === 'true' };
      }
      const name = tokens.text(k);
      const occurrence: OptionOccurrence = {
        name,
        norm: normalizeName(name),
        key: { start: tokens.starts[k], end: tokens.ends[k] },
        value: { start: tokens.starts[valueStart], end: tokens.ends[valueEnd - 1] },
        literal,
        removal,
      };
      if (single && literal.kind !== 'expr') {
        occurrence.literalSpan = { start: tokens.starts[valueStart], end: tokens.ends[valueStart] };
      }
      options.push(occurrence);
      k = valueEnd - 1;
    }
    const first = options[0];
    const openLine = lineOf(open);
    contexts.push({
      kind: 'terraform',
      type: tokens.text(i + 1),
      options,
      complete: !options.some((option) => option.name === 'dynamic'),
      anchor: { start: tokens.starts[i + 2], end: tokens.ends[i + 2] },
      typeSpan: { start: tokens.starts[i + 1], end: tokens.ends[i + 1] },
      insertion: {
        offset: openLine + 1 < lines.lineCount ? lines.lineStart(openLine + 1) : text.length,
        indent: first ? lines.indentation(lines.lineOf(first.key.start)) : `${lines.indentation(openLine)}  `,
        style: 'hcl',
      },
    });
    i = close;
  }
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return { ...NO_CALLS, contexts, commentPrefix: '#', suppressions };
}
