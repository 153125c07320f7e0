/**
 * Build-time content compiler: reads `content/`, validates it and returns the typed catalog.
 * Runs in Node during the build and in unit tests; never shipped to the extension host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
  MarkdownCatalog,
  MarkdownChoiceItem,
  MarkdownNote,
  MarkdownQuestion,
  QUESTION_GROUPS,
  QuestionGroup,
  Section,
  Service,
  SERVICE_IDS,
  ServiceId,
  Source,
} from '../types';
import { HintRule } from '../../hints/engine/types';
import { compileHintRules } from './compileHintRules';
import { words } from '../../quiz/keyPointCoverage';

export interface ContentError {
  file: string;
  message: string;
}

export interface CompileResult {
  /** As written: the build renders its markdown (renderContent.ts). */
  catalog: MarkdownCatalog;
  errors: ContentError[];
  /** The design-hint rules of `content/hints`, validated against the notes (bundled separately). */
  hintRules: HintRule[];
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NOTE_LINK = /\]\(note:([^)\s]*)\)/g;
const WEB_LINK = /\]\((https?:[^)\s]+)\)/g;
const MIN_KEY_POINTS = 3;
const MAX_KEY_POINTS = 6;
const MIN_OPTIONS = 3;
const MAX_OPTIONS = 5;

type Fields = Record<string, unknown>;

/** Collects errors for one file; field readers report and return a safe default instead of throwing. */
class FileReader {
  constructor(
    readonly file: string,
    private readonly errors: ContentError[],
  ) {}

  error(message: string): void {
    this.errors.push({ file: this.file, message });
  }

  fields(value: unknown, where: string, allowed: readonly string[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.error(`${where} must be a mapping`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(`${where}: unknown field '${key}' (allowed: ${allowed.join(', ')})`);
      }
    }
    return value as Fields;
  }

  text(fields: Fields, key: string, where: string): string {
    const value = fields[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.error(`${where}: '${key}' must be a non-empty string`);
      return '';
    }
    return value.trim();
  }

  id(fields: Fields, key: string, where: string): string {
    const value = this.text(fields, key, where);
    if (value && !ID_PATTERN.test(value)) {
      this.error(`${where}: '${key}' '${value}' must be kebab-case (a-z, 0-9, '-')`);
    }
    return value;
  }

  texts(fields: Fields, key: string, where: string, required: boolean): string[] {
    const value = fields[key];
    if (value === undefined && !required) {
      return [];
    }
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.trim() === '')) {
      this.error(`${where}: '${key}' must be a list of non-empty strings`);
      return [];
    }
    return (value as string[]).map((entry) => entry.trim());
  }

  /**
   * `keyPoints`: each a string, or `{ text, terms }` where every entry of `terms` is a term or a list
   * of synonyms. With `termsRequired`, every point needs terms (the quiz ticks them in typed answers).
   */
  keyPoints(fields: Fields, where: string, termsRequired: boolean): { keyPoints: string[]; keyPointTerms: string[][][] } {
    const value = fields.keyPoints;
    if (!Array.isArray(value)) {
      this.error(`${where}: 'keyPoints' must be a list`);
      return { keyPoints: [], keyPointTerms: [] };
    }
    const keyPoints: string[] = [];
    const keyPointTerms: string[][][] = [];
    value.forEach((entry, index) => {
      const pointWhere = `${where}: keyPoints[${index}]`;
      if (typeof entry === 'string') {
        if (entry.trim() === '') {
          this.error(`${pointWhere} must not be empty`);
        }
        if (termsRequired) {
          this.error(`${pointWhere} needs terms: write it as '{ text, terms }' with the words that show an answer covered it`);
        }
        keyPoints.push(entry.trim());
        keyPointTerms.push([]);
        return;
      }
      const point = this.fields(entry, pointWhere, ['text', 'terms']);
      keyPoints.push(this.text(point, 'text', pointWhere));
      keyPointTerms.push(this.terms(point.terms, pointWhere));
    });
    return { keyPoints, keyPointTerms };
  }

  private terms(value: unknown, where: string): string[][] {
    if (!Array.isArray(value) || value.length === 0) {
      this.error(`${where}: 'terms' must be a non-empty list of terms or lists of synonyms`);
      return [];
    }
    return value.map((entry) => {
      const synonyms: unknown[] = Array.isArray(entry) ? entry : [entry];
      const valid = synonyms.length > 0 && synonyms.every((synonym) => (typeof synonym === 'string' || typeof synonym === 'number') && words(String(synonym)).length > 0);
      if (!valid) {
        this.error(`${where}: term ${JSON.stringify(entry)} must be a word or phrase, or a list of them`);
        return [];
      }
      return synonyms.map((synonym) => String(synonym).trim());
    });
  }

  sources(fields: Fields, where: string): Source[] {
    const value = fields.sources;
    if (!Array.isArray(value) || value.length === 0) {
      this.error(`${where}: needs at least one source (official AWS documentation)`);
      return [];
    }
    const seen = new Set<string>();
    return value.map((entry, index) => {
      const sourceWhere = `${where}: sources[${index}]`;
      const source = this.fields(entry, sourceWhere, ['title', 'url']);
      const title = this.text(source, 'title', sourceWhere);
      const url = this.text(source, 'url', sourceWhere);
      const problem = url ? sourceUrlProblem(url) : undefined;
      if (problem) {
        this.error(`${sourceWhere}: url '${url}' ${problem}`);
      }
      if (seen.has(url)) {
        this.error(`${sourceWhere}: url '${url}' is listed twice`);
      }
      seen.add(url);
      return { title, url };
    });
  }
}

/** Official AWS pages, and the engines' own documentation for command behaviour. */
const SOURCE_HOSTS = ['docs.aws.amazon.com', 'aws.amazon.com', 'repost.aws', 'valkey.io', 'redis.io'];

/** Why a source URL is not acceptable, or undefined when it is. */
export function sourceUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an https URL';
  }
  if (url.protocol !== 'https:') {
    return 'is not an https URL';
  }
  if (!SOURCE_HOSTS.includes(url.hostname)) {
    return `is not on an official documentation site (${SOURCE_HOSTS.join(', ')})`;
  }
  if (/^\/[a-z]{2}_[a-z]{2}\//.test(url.pathname) || /^\/[a-z]{2}\//.test(url.pathname)) {
    return 'is a translated page: cite the English page (no locale in the path)';
  }
  if (url.hostname === 'docs.aws.amazon.com' && url.pathname.endsWith('.md')) {
    return 'is the markdown variant of a page: cite the .html page';
  }
  if (url.hostname === 'docs.aws.amazon.com' && /\/latest\/[A-Za-z]*Guide\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('.html')) {
    return "lacks '.html': guide pages are only served with it";
  }
  return undefined;
}

function relative(root: string, file: string): string {
  return path.relative(path.dirname(root), file).split(path.sep).join('/');
}

function readYaml(file: string, reader: FileReader): unknown {
  try {
    return parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    reader.error(`invalid YAML: ${detail}`);
    return undefined;
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function readNote(file: string, service: ServiceId, reader: FileReader): MarkdownNote | undefined {
  const match = FRONT_MATTER.exec(fs.readFileSync(file, 'utf8'));
  if (!match) {
    reader.error('a note must start with YAML front matter between --- lines');
    return undefined;
  }
  let front: unknown;
  try {
    front = parseYaml(match[1]);
  } catch (error) {
    reader.error(`invalid front matter: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const fields = reader.fields(front, 'front matter', ['id', 'title', 'summary', 'sources', 'related']);
  const id = reader.id(fields, 'id', 'front matter');
  const expectedId = path.basename(file, '.md');
  if (id && id !== expectedId) {
    reader.error(`front matter id '${id}' must equal the file name '${expectedId}'`);
  }
  const body = match[2].trim();
  if (body === '') {
    reader.error('the note body is empty');
  }
  if (/^#\s/m.test(body.replace(/```[\s\S]*?```/g, ''))) {
    reader.error("the body must not use '#' headings (the title comes from the front matter); use '##'");
  }
  if (/^##\s+Sources\s*$/im.test(body)) {
    reader.error("the body must not have a 'Sources' heading: sources are rendered from the front matter");
  }
  return {
    id,
    service,
    section: '',
    title: reader.text(fields, 'title', 'front matter'),
    summary: reader.text(fields, 'summary', 'front matter'),
    body,
    sources: reader.sources(fields, 'front matter'),
    related: reader.texts(fields, 'related', 'front matter', false),
  };
}

function readService(file: string, service: ServiceId, reader: FileReader): Service {
  const fields = reader.fields(readYaml(file, reader) ?? {}, 'service.yaml', ['id', 'title', 'summary', 'sections']);
  const id = reader.text(fields, 'id', 'service.yaml');
  if (id && id !== service) {
    reader.error(`id '${id}' must equal the folder name '${service}'`);
  }
  const sections: Section[] = [];
  if (!Array.isArray(fields.sections) || fields.sections.length === 0) {
    reader.error('needs at least one section');
  } else {
    fields.sections.forEach((entry, index) => {
      const where = `sections[${index}]`;
      const section = reader.fields(entry, where, ['id', 'title', 'notes']);
      const noteIds = reader.texts(section, 'notes', where, true);
      if (noteIds.length === 0) {
        reader.error(`${where}: a section must list at least one note`);
      }
      sections.push({ id: reader.id(section, 'id', where), title: reader.text(section, 'title', where), noteIds });
    });
  }
  return {
    id: service,
    title: reader.text(fields, 'title', 'service.yaml'),
    summary: reader.text(fields, 'summary', 'service.yaml'),
    sections,
  };
}

function readList(file: string, reader: FileReader): unknown[] {
  const value = readYaml(file, reader);
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    reader.error('must be a YAML list');
    return [];
  }
  return value;
}

function readQuestions(file: string, service: ServiceId, reader: FileReader): MarkdownQuestion[] {
  const allowed = ['id', 'concept', 'group', 'seed', 'question', 'notes', 'answer', 'keyPoints', 'wrongAnswers', 'sources'];
  return readList(file, reader).map((entry, index) => {
    const fields = reader.fields(entry, `item ${index + 1}`, allowed);
    const id = reader.id(fields, 'id', `item ${index + 1}`);
    const where = id || `item ${index + 1}`;
    const group = fields.group as QuestionGroup;
    if (!QUESTION_GROUPS.includes(group)) {
      reader.error(`${where}: 'group' must be one of ${QUESTION_GROUPS.join(', ')}`);
    }
    if (fields.seed !== undefined && typeof fields.seed !== 'boolean') {
      reader.error(`${where}: 'seed' must be true or false`);
    }
    const { keyPoints, keyPointTerms } = reader.keyPoints(fields, where, group !== 'ask-interviewer');
    if (keyPoints.length < MIN_KEY_POINTS || keyPoints.length > MAX_KEY_POINTS) {
      reader.error(`${where}: needs ${MIN_KEY_POINTS} to ${MAX_KEY_POINTS} key points, has ${keyPoints.length}`);
    }
    const noteIds = reader.texts(fields, 'notes', where, true);
    if (noteIds.length === 0) {
      reader.error(`${where}: must name at least one note that answers it`);
    }
    return {
      id,
      service,
      group,
      seed: fields.seed === true,
      question: reader.text(fields, 'question', where),
      concept: reader.id(fields, 'concept', where),
      noteIds,
      answer: reader.text(fields, 'answer', where),
      keyPoints,
      ...(keyPointTerms.some((terms) => terms.length > 0) ? { keyPointTerms } : {}),
      wrongAnswers: reader.texts(fields, 'wrongAnswers', where, false),
      sources: reader.sources(fields, where),
    };
  });
}

/**
 * Options are shuffled when shown, so an explanation must name an option by its content, never by its
 * place ("the first option", "option B"). Plain ordinals ("the first page") are fine.
 */
const POSITION_REFERENCE = /\b(?:(?:first|second|third|fourth|last|other two|last two) options?|option [A-D])\b/i;

/** The position reference in an explanation, if there is one. */
export function optionPositionReference(explanation: string): string | undefined {
  return POSITION_REFERENCE.exec(explanation)?.[0];
}

function readChoices(file: string, service: ServiceId, reader: FileReader): MarkdownChoiceItem[] {
  const allowed = ['id', 'concept', 'notes', 'question', 'options', 'explanation', 'sources'];
  return readList(file, reader).map((entry, index) => {
    const fields = reader.fields(entry, `item ${index + 1}`, allowed);
    const id = reader.id(fields, 'id', `item ${index + 1}`);
    const where = id || `item ${index + 1}`;
    const options = Array.isArray(fields.options)
      ? fields.options.map((option, optionIndex) => {
          const optionWhere = `${where}: options[${optionIndex}]`;
          const optionFields = reader.fields(option, optionWhere, ['text', 'correct']);
          if (optionFields.correct !== undefined && typeof optionFields.correct !== 'boolean') {
            reader.error(`${optionWhere}: 'correct' must be true or false`);
          }
          return { text: reader.text(optionFields, 'text', optionWhere), correct: optionFields.correct === true };
        })
      : [];
    if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
      reader.error(`${where}: needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options, has ${options.length}`);
    }
    const correctCount = options.filter((option) => option.correct).length;
    if (correctCount !== 1) {
      reader.error(`${where}: needs exactly one option with 'correct: true', has ${correctCount}`);
    }
    const noteIds = reader.texts(fields, 'notes', where, true);
    if (noteIds.length === 0) {
      reader.error(`${where}: must name at least one note`);
    }
    const explanation = reader.text(fields, 'explanation', where);
    const position = optionPositionReference(explanation);
    if (position) {
      reader.error(`${where}: the explanation refers to an option by position ('${position}'), but options are shuffled: name the option by its content`);
    }
    return {
      id,
      service,
      noteIds,
      question: reader.text(fields, 'question', where),
      concept: reader.id(fields, 'concept', where),
      options,
      explanation,
      sources: reader.sources(fields, where),
    };
  });
}

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Checks what spans files: unique ids, section membership and every reference to a note. */
function crossCheck(root: string, catalog: MarkdownCatalog, noteFiles: Map<string, string>, errors: ContentError[]): void {
  const seen = new Map<string, string>();
  const claim = (id: string, file: string): void => {
    if (!id) {
      return;
    }
    const previous = seen.get(id);
    if (previous) {
      errors.push({ file, message: `duplicate id '${id}' (also in ${previous})` });
    } else {
      seen.set(id, file);
    }
  };
  const noteById = new Map(catalog.notes.map((note) => [note.id, note]));

  for (const service of catalog.services) {
    const serviceFile = relative(root, path.join(root, service.id, 'service.yaml'));
    for (const section of service.sections) {
      claim(section.id, serviceFile);
      for (const noteId of section.noteIds) {
        const note = noteById.get(noteId);
        if (!note || note.service !== service.id) {
          errors.push({ file: serviceFile, message: `section '${section.id}' lists '${noteId}', which is not a note of ${service.id}` });
        } else if (note.section) {
          errors.push({ file: serviceFile, message: `note '${noteId}' is listed in both '${note.section}' and '${section.id}'` });
        } else {
          note.section = section.id;
        }
      }
    }
  }

  const checkNoteRef = (file: string, where: string, noteId: string): void => {
    if (!noteById.has(noteId)) {
      errors.push({ file, message: `${where}: links to note '${noteId}', which does not exist` });
    }
  };
  const checkMarkdownLinks = (file: string, where: string, markdown: string): void => {
    for (const match of markdown.matchAll(NOTE_LINK)) {
      checkNoteRef(file, where, match[1]);
    }
    for (const match of markdown.matchAll(WEB_LINK)) {
      const problem = sourceUrlProblem(match[1]);
      if (problem) {
        errors.push({ file, message: `${where}: link '${match[1]}' ${problem}` });
      }
    }
  };

  for (const note of catalog.notes) {
    const file = noteFiles.get(note.id) ?? note.id;
    claim(note.id, file);
    if (!note.section) {
      errors.push({ file, message: `note '${note.id}' is not listed in any section of ${note.service}/service.yaml` });
    }
    note.related.forEach((id) => checkNoteRef(file, 'related', id));
    checkMarkdownLinks(file, 'body', note.body);
  }
  for (const question of catalog.questions) {
    const file = relative(root, path.join(root, question.service, 'questions.yaml'));
    claim(question.id, file);
    question.noteIds.forEach((id) => checkNoteRef(file, question.id, id));
    checkMarkdownLinks(file, question.id, [question.answer, ...question.keyPoints, ...question.wrongAnswers].join('\n'));
  }
  for (const choice of catalog.choices) {
    const file = relative(root, path.join(root, choice.service, 'mcq.yaml'));
    claim(choice.id, file);
    choice.noteIds.forEach((id) => checkNoteRef(file, choice.id, id));
    checkMarkdownLinks(file, choice.id, choice.explanation);
  }
}

/** Reads and validates everything under `root` (the `content/` folder). */
export function compileContent(root: string): CompileResult {
  const errors: ContentError[] = [];
  const catalog: MarkdownCatalog = { services: [], notes: [], questions: [], choices: [] };
  const noteFiles = new Map<string, string>();

  for (const service of SERVICE_IDS) {
    const dir = path.join(root, service);
    const serviceFile = path.join(dir, 'service.yaml');
    if (!fs.existsSync(serviceFile)) {
      errors.push({ file: relative(root, serviceFile), message: 'missing: every service folder needs a service.yaml' });
      continue;
    }
    const reader = (file: string): FileReader => new FileReader(relative(root, file), errors);
    catalog.services.push(readService(serviceFile, service, reader(serviceFile)));
    for (const file of markdownFiles(path.join(dir, 'notes'))) {
      const note = readNote(file, service, reader(file));
      if (note) {
        catalog.notes.push(note);
        noteFiles.set(note.id, relative(root, file));
      }
    }
    const questionsFile = path.join(dir, 'questions.yaml');
    if (fs.existsSync(questionsFile)) {
      catalog.questions.push(...readQuestions(questionsFile, service, reader(questionsFile)));
    }
    const choicesFile = path.join(dir, 'mcq.yaml');
    if (fs.existsSync(choicesFile)) {
      catalog.choices.push(...readChoices(choicesFile, service, reader(choicesFile)));
    }
  }
  crossCheck(root, catalog, noteFiles, errors);
  const hints = compileHintRules(root, catalog.notes);
  errors.push(...hints.errors);
  return { catalog, errors, hintRules: hints.rules };
}

export function formatErrors(errors: ContentError[]): string {
  return errors.map((error) => `${error.file}: ${error.message}`).join('\n');
}

/** Every content file, so that watch builds rebuild when one changes. */
export function contentFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.(md|ya?ml)$/.test(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}
