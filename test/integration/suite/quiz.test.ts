import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/commands';
import type { ExtensionTestApi } from '../../../src/extension';
import type { QuizStatistics } from '../../../src/quiz/quizStats';
import type { SessionResult } from '../../../src/quiz/quizSession';
import { acceptStep, activateExtension, closeStep, waitFor } from './helpers';

const QUIZ_COMMANDS = [
  Commands.startQuiz,
  Commands.reviewDue,
  Commands.mockInterview,
  Commands.showQuizStatistics,
  Commands.exportProgress,
  Commands.importProgress,
  Commands.resetProgress,
];

/** The statistics command returns its figures; its action picker is closed again once it is shown. */
async function statistics(api: ExtensionTestApi): Promise<QuizStatistics> {
  const stats = await vscode.commands.executeCommand<QuizStatistics>(Commands.showQuizStatistics);
  await closeStep(api, { title: /^Quiz statistics/ });
  return stats;
}

function dynamodb(stats: QuizStatistics): QuizStatistics['services'][number] {
  return stats.services.find((service) => service.serviceId === 'dynamodb')!;
}

describe('quiz in a real VS Code', () => {
  let api: ExtensionTestApi;
  before(async () => {
    api = await activateExtension();
  });

  it('registers every quiz command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of QUIZ_COMMANDS) {
      assert.ok(registered.has(command), command);
    }
  });

  it('saves a grade given through the palette UI in the stored progress', async () => {
    const before = await statistics(api);
    const session = vscode.commands.executeCommand<SessionResult | undefined>(Commands.startQuiz, { serviceId: 'dynamodb' });
    await acceptStep(api, { title: /^Session length/ });
    // The first DynamoDB item: a free-recall question (accept the answer box, then the grade picker,
    // whose active item is Good) or a multiple-choice item (accept an option, then Next).
    const first = await acceptStep(api, { title: /^Amazon DynamoDB · Question 1 of 10/ });
    await acceptStep(api, { after: first });
    await closeStep(api);
    const result = await session;
    assert.equal(result?.answered, 1);

    const after = await statistics(api);
    assert.equal(after.reviewedToday, before.reviewedToday + 1);
    assert.equal(dynamodb(after).fresh, dynamodb(before).fresh - 1);
    assert.ok(after.streakDays >= 1);
  });

  it('opens the quiz card with the statistics', async () => {
    await statistics(api);
    const tab = await waitFor(() =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('awsDbStudy.quizCard')),
    );
    assert.equal(tab.label, 'Quiz Statistics');
  });

  it('refuses a bad startQuiz argument without throwing, and asks for a scope instead', async () => {
    const session = vscode.commands.executeCommand(Commands.startQuiz, { serviceId: 'mongodb' });
    await closeStep(api, { title: /^Start Quiz$/ });
    assert.equal(await session, undefined);
  });
});
