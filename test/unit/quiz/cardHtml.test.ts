import * as assert from 'node:assert/strict';
import { Commands } from '../../../src/commands';
import { CatalogIndex } from '../../../src/content/catalogIndex';
import { renderChoice, renderQuestion } from '../../../src/content/compiler/renderContent';
import { CARD_COMMANDS, choiceCardHtml, commandHref, formatInterval, questionCardHtml, statisticsHtml } from '../../../src/quiz/cardHtml';
import { keyPointCoverage } from '../../../src/quiz/keyPointCoverage';
import { mockQuestionHtml, mockSummaryHtml, weakNoteIds } from '../../../src/quiz/summaryHtml';
import { quizStatistics } from '../../../src/quiz/quizStats';
import { sampleCatalog } from '../../support/sampleCatalog';
import { t, testEngine } from './fakes';

const source = [{ title: 'DynamoDB transactions', url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transactions.html' }];

const question = renderQuestion({
  id: 'dynamodb-q99',
  service: 'dynamodb',
  group: 'interview',
  seed: false,
  question: 'How do `TransactWriteItems` <b>limits</b> work?',
  concept: 'dynamodb-transactions',
  noteIds: ['dynamodb-keys'],
  answer: 'Up to 100 actions; see [indexes](note:dynamodb-indexes). <script>alert(1)</script>',
  keyPoints: ['100 actions', '4 MB', 'same Region'],
  keyPointTerms: [[['100']], [['4 mb', '4mb']], [['same region']]],
  wrongAnswers: ['"Only one table": wrong'],
  sources: source,
});

const choice = renderChoice({
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
});

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

  it('marks note links for the card script, which opens them beside the card, and allows only listed commands', () => {
    const shown = questionCardHtml(question, catalog, t, { place: '', revealed: true });
    assert.match(shown, /<a href="#" data-note="dynamodb-indexes" class="note-link">/);
    assert.match(shown, /<a href="#" data-note="dynamodb-keys" class="note-link">/, 'the question links its note');
    assert.doesNotMatch(shown, /command:awsDbStudy\.openNote/);
    for (const [, command] of shown.matchAll(/href="command:([^?"]+)/g)) {
      assert.ok(CARD_COMMANDS.includes(command), command);
    }
  });

  it('offers a Reveal button before the answer, and clickable grades after it', () => {
    const hidden = questionCardHtml(question, catalog, t, { place: '', revealed: false });
    assert.match(hidden, /<button type="button" class="key-button" data-key="enter">/);
    const grades = [1, 2, 3, 4].map((grade) => ({ grade: grade as 1 | 2 | 3 | 4, when: `${grade} days` }));
    const shown = questionCardHtml(question, catalog, t, { place: '', revealed: true, grades });
    assert.deepEqual([...shown.matchAll(/data-key="(\d)"/g)].map((match) => match[1]), ['1', '2', '3', '4']);
    assert.match(shown, /data-key="3"><span class="key">3<\/span> Good <span class="when">3 days<\/span>/);
  });

  it('ticks the key points a typed answer covers and says which grade that suggests', () => {
    const notes = 'Up to 100 actions in one call';
    const coverage = keyPointCoverage(notes, question.keyPointTerms!);
    const grades = [1, 2, 3, 4].map((grade) => ({ grade: grade as 1 | 2 | 3 | 4, when: 'soon' }));
    const shown = questionCardHtml(question, catalog, t, { place: '', revealed: true, notes, coverage, grades });
    assert.match(shown, /<li class="covered"><span class="mark" aria-hidden="true">✓<\/span><span class="visually-hidden">covered: <\/span>100 actions<\/li>/);
    assert.match(shown, /<li class="missed">.*4 MB<\/li>/);
    assert.match(shown, /mentions 1 of 3 key points\. Suggested grade: Hard\./);
    assert.match(shown, /class="key-button grade suggested" data-key="2">.*suggested/);
    const untyped = questionCardHtml(question, catalog, t, { place: '', revealed: true, coverage: keyPointCoverage('', question.keyPointTerms!) });
    assert.doesNotMatch(untyped, /class="covered"|Suggested grade/, 'nothing typed, nothing ticked');
  });

  it('marks the right and the picked option of a multiple-choice item once answered', () => {
    const order = [2, 0, 1];
    const before = choiceCardHtml(choice, catalog, t, { place: '', order });
    assert.doesNotMatch(before, /correct answer|The limit is 100/);
    assert.deepEqual([...before.matchAll(/<span class="key">(\d)<\/span> ([^<]+)/g)].map((match) => `${match[1]} ${match[2]}`), ['1 Unlimited', '2 Up to 25', '3 Up to 100']);
    assert.deepEqual([...before.matchAll(/<button type="button" class="key-button option" data-key="(\d)">/g)].map((match) => match[1]), ['1', '2', '3'], 'options are buttons keyed by number');
    const wrong = choiceCardHtml(choice, catalog, t, { place: '', order, picked: 0 });
    assert.match(wrong, /class="option wrong"><span class="key">2<\/span> Up to 25/);
    assert.match(wrong, /class="option correct"><span class="key">3<\/span> Up to 100/);
    assert.match(wrong, /Not quite\./);
    assert.match(wrong, /The limit is 100 actions\./);
    assert.doesNotMatch(wrong, /class="key-button option"/, 'answered options are no longer buttons');
    assert.match(wrong, /data-key="enter"><span class="key">↵<\/span> Next question/);
    assert.match(choiceCardHtml(choice, catalog, t, { place: '', order, picked: 0, last: true }), /data-key="enter"><span class="key">↵<\/span> Finish/);
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
    const html = mockSummaryHtml(results, catalog, t, { timedOut: true, dropped: 0 });
    assert.match(html, /Weak topics to study/);
    assert.match(html, /Title of dynamodb-keys/);
    assert.doesNotMatch(html, /Title of dynamodb-backups/);
    assert.match(html, /Time ran out on the last question/);
  });

  it('says how many mock interview questions were dropped, and why', () => {
    const results = [{ question, notes: 'x', grade: 3 as const }];
    assert.match(mockSummaryHtml(results, catalog, t, { timedOut: false, dropped: 3 }), /You ended the interview: 3 questions were dropped and not graded\./);
    assert.match(mockSummaryHtml(results, catalog, t, { timedOut: true, dropped: 1 }), /Time ran out: 1 question was dropped and not graded\./);
    assert.doesNotMatch(mockSummaryHtml(results, catalog, t, { timedOut: false, dropped: 0 }), /dropped/);
  });

  it('asks a mock interview question with a multi-line box whose instructions match the keys the script handles', () => {
    const html = mockQuestionHtml(question, t, 'Mock interview · Question 1 of 5', 90_500);
    assert.match(html, /<textarea id="mock-answer" rows="10" data-remaining-ms="90500"/);
    assert.match(html, /data-action="submit"[^>]*>Next question <span class="shortcut">Ctrl\+Enter<\/span>/);
    assert.match(html, /data-action="end">End interview <span class="shortcut">Escape<\/span>/);
    assert.match(html, /Ctrl\+Enter moves to the next question; Escape ends the interview/);
    assert.doesNotMatch(html, /Up to 100 actions/, 'the model answer stays hidden');
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
