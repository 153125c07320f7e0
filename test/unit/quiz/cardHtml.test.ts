import * as assert from 'node:assert/strict';
import { Commands } from '../../../src/commands';
import { CatalogIndex } from '../../../src/content/catalogIndex';
import { ChoiceItem, Question } from '../../../src/content/types';
import { CARD_COMMANDS, choiceCardHtml, commandHref, formatInterval, mockSummaryHtml, questionCardHtml, statisticsHtml, weakNoteIds } from '../../../src/quiz/cardHtml';
import { quizStatistics } from '../../../src/quiz/quizStats';
import { sampleCatalog } from '../../support/sampleCatalog';
import { t, testEngine } from './fakes';

const source = [{ title: 'DynamoDB transactions', url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transactions.html' }];

const question: Question = {
  id: 'dynamodb-q99',
  service: 'dynamodb',
  group: 'interview',
  seed: false,
  question: 'How do `TransactWriteItems` <b>limits</b> work?',
  concept: 'dynamodb-transactions',
  noteIds: ['dynamodb-keys'],
  answer: 'Up to 100 actions; see [indexes](note:dynamodb-indexes). <script>alert(1)</script>',
  keyPoints: ['100 actions', '4 MB', 'same Region'],
  wrongAnswers: ['"Only one table": wrong'],
  sources: source,
};

const choice: ChoiceItem = {
  id: 'dynamodb-mcq-099',
  service: 'dynamodb',
  noteIds: ['dynamodb-keys'],
  question: 'How many items can one TransactWriteItems call include?',
  concept: 'dynamodb-transactions',
  options: [
    { text: 'Up to 25', correct: false },
    { text: 'Up to 100', correct: true },
    { text: 'Unlimited', correct: false },
  ],
  explanation: 'The limit is 100 actions.',
  sources: source,
};

describe('quiz card HTML', () => {
  const catalog: CatalogIndex = sampleCatalog();

  it('shows the question but not the answer until it is revealed', () => {
    const hidden = questionCardHtml(question, catalog, t, { place: 'Amazon DynamoDB', revealed: false });
    assert.match(hidden, /<code>TransactWriteItems<\/code>/);
    assert.doesNotMatch(hidden, /Up to 100 actions/);
    assert.doesNotMatch(hidden, /100 actions<\/li>/);
    const shown = questionCardHtml(question, catalog, t, { place: 'Amazon DynamoDB', revealed: true, notes: 'I think <100>' });
    assert.match(shown, /Up to 100 actions/);
    assert.match(shown, /<li>4 MB<\/li>/);
    assert.match(shown, /I think &#60;100&#62;/);
    assert.match(shown, /href="https:\/\/docs\.aws\.amazon\.com\/amazondynamodb\/latest\/developerguide\/transactions\.html"/);
  });

  it('escapes HTML from content and the learner, and has no script', () => {
    const shown = questionCardHtml(question, catalog, t, { place: '<i>x</i>', revealed: true, notes: '<img src=x onerror=alert(1)>' });
    assert.doesNotMatch(shown, /<script|<b>|<i>|<img/i);
  });

  it('turns note links into allow-listed openNote command links', () => {
    const shown = questionCardHtml(question, catalog, t, { place: '', revealed: true });
    assert.ok(shown.includes(`href="${commandHref(Commands.openNote, ['dynamodb-indexes'])}"`));
    assert.ok(shown.includes(`href="${commandHref(Commands.openNote, ['dynamodb-keys'])}"`), 'the question links its note');
    assert.doesNotMatch(shown, /data-note=/);
    for (const [, command] of shown.matchAll(/href="command:([^?"]+)/g)) {
      assert.ok(CARD_COMMANDS.includes(command), command);
    }
  });

  it('marks the right and the picked option of a multiple-choice item once answered', () => {
    const order = [2, 0, 1];
    const before = choiceCardHtml(choice, catalog, t, { place: '', order });
    assert.doesNotMatch(before, /correct answer|The limit is 100/);
    assert.deepEqual([...before.matchAll(/<span class="key">(\d)<\/span> ([^<]+)/g)].map((match) => `${match[1]} ${match[2]}`), ['1 Unlimited', '2 Up to 25', '3 Up to 100']);
    const wrong = choiceCardHtml(choice, catalog, t, { place: '', order, picked: 0 });
    assert.match(wrong, /class="option wrong"><span class="key">2<\/span> Up to 25/);
    assert.match(wrong, /class="option correct"><span class="key">3<\/span> Up to 100/);
    assert.match(wrong, /Not quite\./);
    assert.match(wrong, /The limit is 100 actions\./);
    assert.match(choiceCardHtml(choice, catalog, t, { place: '', order, picked: 1 }), /class="verdict right">Correct\./);
  });

  it('renders statistics with per-service reset links only where there is progress', async () => {
    const { engine } = testEngine();
    await engine.grade('dynamodb-q99', 3);
    const stats = quizStatistics(engine, [
      { serviceId: 'dynamodb', title: 'Amazon DynamoDB', ids: ['dynamodb-q99', 'dynamodb-mcq-099'] },
      { serviceId: 'rds', title: 'Amazon RDS', ids: ['rds-q01'] },
    ]);
    const html = statisticsHtml(stats, t, (dayStart) => new Date(dayStart).toDateString());
    assert.ok(html.includes(`href="${commandHref(Commands.resetProgress, ['dynamodb'])}"`));
    assert.ok(!html.includes(commandHref(Commands.resetProgress, ['rds'])));
    assert.match(html, /Reviewed today<\/th><td>1</);
    assert.equal((html.match(/<table class="stats-upcoming"><tbody>(.*?)<\/tbody>/)?.[1].match(/<tr>/g) ?? []).length, 7, 'seven upcoming days');
  });

  it('summarises a mock interview with the notes behind weak answers', () => {
    const other = { ...question, id: 'dynamodb-q98', noteIds: ['dynamodb-backups'] };
    const results = [
      { question, notes: '', grade: 2 as const },
      { question: other, notes: '', grade: 4 as const },
    ];
    assert.deepEqual(weakNoteIds(results), ['dynamodb-keys']);
    const html = mockSummaryHtml(results, catalog, t, true);
    assert.match(html, /Weak topics to study/);
    assert.match(html, /Title of dynamodb-keys/);
    assert.doesNotMatch(html, /Title of dynamodb-backups/);
    assert.match(html, /Time ran out/);
  });

  it('formats intervals the way the grade labels show them', () => {
    assert.equal(formatInterval(30_000, t), '1 min');
    assert.equal(formatInterval(10 * 60_000, t), '10 min');
    assert.equal(formatInterval(5 * 3600_000, t), '5 h');
    assert.equal(formatInterval(24 * 3600_000, t), '1 day');
    assert.equal(formatInterval(12 * 24 * 3600_000, t), '12 days');
    assert.equal(formatInterval(90 * 24 * 3600_000, t), '3 months');
  });
});
