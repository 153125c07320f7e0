import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileContent, optionPositionReference } from '../../src/content/compiler/compileContent';

/** A minimal valid content tree; each test breaks one thing and expects exactly that error. */
function validTree(): Record<string, string> {
  const source = 'sources:\n  - title: Doc\n    url: https://docs.aws.amazon.com/x.html\n';
  const files: Record<string, string> = {};
  for (const service of ['rds', 'dynamodb', 'elasticache', 'general']) {
    files[`${service}/service.yaml`] =
      `id: ${service}\ntitle: ${service} title\nsummary: one line\nsections:\n  - id: ${service}-basics\n    title: Basics\n    notes: [${service}-a, ${service}-b]\n`;
    files[`${service}/notes/${service}-a.md`] =
      `---\nid: ${service}-a\ntitle: A\nsummary: About A\n${source}related: [${service}-b]\n---\nA links to [B](note:${service}-b).\n`;
    files[`${service}/notes/${service}-b.md`] = `---\nid: ${service}-b\ntitle: B\nsummary: About B\n${source}---\n## B\nBody.\n`;
  }
  files['rds/questions.yaml'] =
    `- id: rds-q01\n  concept: rds-basics\n  group: interview\n  seed: true\n  question: What is RDS?\n  notes: [rds-a]\n  answer: A managed service.\n` +
    `  keyPoints:\n    - { text: one, terms: [one] }\n    - { text: two, terms: [[two, 2]] }\n    - { text: three, terms: [three, 3] }\n  ${source.replace(/\n {2}/g, '\n    ').replace(/\n$/, '')}\n`;
  files['rds/mcq.yaml'] =
    `- id: rds-mcq-001\n  concept: rds-choice\n  notes: [rds-b]\n  question: Which?\n  options:\n    - text: x\n    - text: y\n      correct: true\n    - text: z\n` +
    `  explanation: Because y.\n  ${source.replace(/\n {2}/g, '\n    ').replace(/\n$/, '')}\n`;
  return files;
}

function compileTree(files: Record<string, string>): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-content-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return compileContent(root).errors.map((error) => `${error.file}: ${error.message}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function expectOnly(files: Record<string, string>, pattern: RegExp): void {
  const errors = compileTree(files);
  assert.equal(errors.length, 1, `expected one error matching ${pattern}, got:\n${errors.join('\n')}`);
  assert.match(errors[0], pattern);
}

describe('content validation', () => {
  it('accepts a valid tree', () => {
    assert.deepEqual(compileTree(validTree()), []);
  });

  it('rejects a duplicate id', () => {
    const files = validTree();
    files['rds/mcq.yaml'] = files['rds/mcq.yaml'].replace('rds-mcq-001', 'rds-q01');
    expectOnly(files, /duplicate id 'rds-q01'/);
  });

  it('rejects a question or multiple-choice item without a concept, and one not in kebab-case', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('  concept: rds-basics\n', '');
    expectOnly(files, /rds-q01: 'concept' must be a non-empty string/);
    const choices = validTree();
    choices['rds/mcq.yaml'] = choices['rds/mcq.yaml'].replace('concept: rds-choice', 'concept: RDS Choice');
    expectOnly(choices, /rds-mcq-001: 'concept' 'RDS Choice' must be kebab-case/);
  });

  it('rejects a question without an answer', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('  answer: A managed service.\n', '');
    expectOnly(files, /rds-q01: 'answer' must be a non-empty string/);
  });

  it('rejects a question with too few key points', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('    - { text: three, terms: [three, 3] }\n', '');
    expectOnly(files, /rds-q01: needs 3 to 6 key points, has 2/);
  });

  it('rejects a multiple-choice item with two correct options', () => {
    const files = validTree();
    files['rds/mcq.yaml'] = files['rds/mcq.yaml'].replace('    - text: z\n', '    - text: z\n      correct: true\n');
    expectOnly(files, /rds-mcq-001: needs exactly one option with 'correct: true', has 2/);
  });

  it('rejects a multiple-choice item without an explanation', () => {
    const files = validTree();
    files['rds/mcq.yaml'] = files['rds/mcq.yaml'].replace('  explanation: Because y.\n', '');
    expectOnly(files, /rds-mcq-001: 'explanation' must be a non-empty string/);
  });

  it('rejects an explanation that points at an option by its position', () => {
    for (const phrase of ['The first option swaps the numbers.', 'So the last two options are wrong.', 'Option B is a trap.', 'The other two options describe Aurora.']) {
      const files = validTree();
      files['rds/mcq.yaml'] = files['rds/mcq.yaml'].replace('  explanation: Because y.\n', `  explanation: Because y. ${phrase}\n`);
      expectOnly(files, /rds-mcq-001: the explanation refers to an option by position/);
    }
  });

  it('lets ordinary ordinals and option words through', () => {
    for (const text of ['Only the first page is returned.', 'Options are shuffled.', 'An optional setting.', 'Pick option D2 in the console.']) {
      assert.equal(optionPositionReference(text), undefined, text);
    }
    assert.equal(optionPositionReference('the SECOND OPTION is wrong'), 'SECOND OPTION');
  });

  it('rejects a note without sources', () => {
    const files = validTree();
    files['dynamodb/notes/dynamodb-b.md'] = '---\nid: dynamodb-b\ntitle: B\nsummary: About B\n---\nBody.\n';
    expectOnly(files, /dynamodb-b\.md: front matter: needs at least one source/);
  });

  it('rejects a source that is not an https URL', () => {
    const files = validTree();
    files['dynamodb/notes/dynamodb-a.md'] = files['dynamodb/notes/dynamodb-a.md'].replace('https://docs', 'http://docs');
    expectOnly(files, /dynamodb-a\.md: front matter: sources\[0\]: url 'http:\/\/docs.aws.amazon.com\/x.html' is not an https URL/);
  });

  it('rejects sources that are not official English documentation pages', () => {
    const cases: Array<[string, RegExp]> = [
      ['https://docs.aws.amazon.com/ja_jp/x.html', /is a translated page/],
      ['https://docs.aws.amazon.com/x.md', /is the markdown variant of a page/],
      ['https://example.com/blog', /is not on an official documentation site/],
      ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ', /lacks '.html'/],
    ];
    for (const [url, pattern] of cases) {
      const files = validTree();
      files['dynamodb/notes/dynamodb-a.md'] = files['dynamodb/notes/dynamodb-a.md'].replace('https://docs.aws.amazon.com/x.html', url);
      expectOnly(files, pattern);
    }
  });

  it('rejects a source listed twice and an unofficial link in a body', () => {
    const files = validTree();
    files['rds/notes/rds-b.md'] = files['rds/notes/rds-b.md']
      .replace('---\n## B', '  - title: Again\n    url: https://docs.aws.amazon.com/x.html\n---\n## B')
      .replace('Body.', 'See [this](https://example.com/post).');
    const errors = compileTree(files);
    assert.ok(errors.some((error) => /sources\[1\]: url 'https:\/\/docs.aws.amazon.com\/x.html' is listed twice/.test(error)), errors.join('\n'));
    assert.ok(errors.some((error) => /body: link 'https:\/\/example.com\/post' is not on an official documentation site/.test(error)), errors.join('\n'));
  });

  it('rejects a broken link between notes', () => {
    const files = validTree();
    files['elasticache/notes/elasticache-a.md'] = files['elasticache/notes/elasticache-a.md'].replace('note:elasticache-b', 'note:elasticache-missing');
    expectOnly(files, /elasticache-a\.md: body: links to note 'elasticache-missing', which does not exist/);
  });

  it('rejects a related note that does not exist', () => {
    const files = validTree();
    files['elasticache/notes/elasticache-a.md'] = files['elasticache/notes/elasticache-a.md'].replace('related: [elasticache-b]', 'related: [nope]');
    expectOnly(files, /related: links to note 'nope', which does not exist/);
  });

  it('rejects an empty section', () => {
    const files = validTree();
    files['general/service.yaml'] = files['general/service.yaml'].replace('[general-a, general-b]', '[]');
    const errors = compileTree(files);
    assert.ok(errors.some((error) => /general\/service.yaml: sections\[0\]: a section must list at least one note/.test(error)), errors.join('\n'));
    assert.ok(errors.some((error) => /note 'general-a' is not listed in any section/.test(error)), errors.join('\n'));
  });

  it('rejects an empty note body', () => {
    const files = validTree();
    files['rds/notes/rds-b.md'] = files['rds/notes/rds-b.md'].replace('## B\nBody.\n', '');
    expectOnly(files, /rds-b\.md: the note body is empty/);
  });

  it('rejects a note whose id differs from its file name', () => {
    const files = validTree();
    files['rds/notes/rds-b.md'] = files['rds/notes/rds-b.md'].replace('id: rds-b', 'id: rds-c');
    const errors = compileTree(files);
    assert.ok(errors.some((error) => /front matter id 'rds-c' must equal the file name 'rds-b'/.test(error)), errors.join('\n'));
  });

  it('rejects invalid YAML with the file named', () => {
    const files = validTree();
    files['rds/mcq.yaml'] = '- id: [unclosed\n';
    const errors = compileTree(files);
    assert.ok(errors.some((error) => /\/rds\/mcq\.yaml: invalid YAML: /.test(error)), errors.join('\n'));
  });

  it('requires terms on every key point of an interview or technical question, and well-formed terms', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('{ text: two, terms: [[two, 2]] }', 'two');
    expectOnly(files, /rds-q01: keyPoints\[1\] needs terms/);
    files['rds/questions.yaml'] = validTree()['rds/questions.yaml'].replace('terms: [[two, 2]]', "terms: [[two, '...']]");
    expectOnly(files, /rds-q01: keyPoints\[1\]: term .* must be a word or phrase/);
    files['rds/questions.yaml'] = validTree()['rds/questions.yaml'].replace('terms: [[two, 2]]', 'terms: []');
    expectOnly(files, /rds-q01: keyPoints\[1\]: 'terms' must be a non-empty list/);
  });

  it('accepts plain key points without terms on questions to ask the interviewer', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('group: interview', 'group: ask-interviewer').replace('{ text: two, terms: [[two, 2]] }', 'two');
    assert.deepEqual(compileTree(files), []);
  });

  it('rejects an unknown field, which is usually a typo', () => {
    const files = validTree();
    files['rds/questions.yaml'] = files['rds/questions.yaml'].replace('keyPoints:', 'keypoints: [a]\n  keyPoints:');
    expectOnly(files, /unknown field 'keypoints'/);
  });

  it('rejects a missing service folder', () => {
    const files = validTree();
    for (const file of Object.keys(files).filter((name) => name.startsWith('general/'))) {
      delete files[file];
    }
    expectOnly(files, /general\/service.yaml: missing/);
  });
});
