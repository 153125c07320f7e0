/**
 * The study features, loaded by the first thing that needs them (see chunks.ts): note panels, the
 * Topics tree's rows, and the quiz with its engine. Activation only registers their commands, view
 * and status-bar item (registerStudy.ts), which call in here.
 */
import * as vscode from 'vscode';
import { Commands, StudyCommandId } from './commands';
import { createNotes, NotesFeature } from './notes/notesFeature';
import { currentQuizInput } from './quiz/quickInput';
import { createQuizFeature } from './quiz/quizFeature';
import type { QuizStatus } from './quiz/quizStatus';
import { searchTopics } from './tree/searchTopics';
import { createTopics } from './tree/topicsFeature';
import type { StudyNeeds } from './registerStudy';
import type { TopicTreeProvider, TreeNode } from './tree/topicTreeProvider';

/** What activation made that the study features work with, and what they take from the other features. */
export interface StudyShell extends StudyNeeds {
  context: vscode.ExtensionContext;
  topicsView: vscode.TreeView<TreeNode>;
  /** Tells the Topics view that rows changed (its provider at activation relays them). */
  topicsChanged(node: TreeNode | undefined): void;
  quizStatus: QuizStatus;
}

export interface StudyPart {
  topics: TopicTreeProvider;
  notes: NotesFeature;
  commands: Record<StudyCommandId, (...args: unknown[]) => Promise<unknown>>;
  quizInput: typeof currentQuizInput;
}

export function startStudy(shell: StudyShell): StudyPart {
  const notes = createNotes(shell.context);
  const quiz = createQuizFeature(shell.context, shell.quizStatus);
  const topics = createTopics(shell.topicsView, notes, quiz, shell.workspace);
  shell.context.subscriptions.push(
    notes,
    quiz,
    topics.disposable,
    notes.onDidShowNote(() => shell.markStudied()),
    topics.provider.onDidChangeTreeData((node) => shell.topicsChanged(node)),
  );
  return {
    topics: topics.provider,
    notes,
    commands: {
      ...quiz.commands,
      [Commands.openNote]: (argument) => notes.open(argument),
      [Commands.searchTopics]: () => searchTopics(),
    },
    quizInput: currentQuizInput,
  };
}
