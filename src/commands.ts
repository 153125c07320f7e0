/** Every command id the extension contributes. package.json must list exactly these (unit-tested). */
export const Commands = {
  openNote: 'awsDbStudy.openNote',
  searchTopics: 'awsDbStudy.searchTopics',
  tryDesignHints: 'awsDbStudy.tryDesignHints',
  startQuiz: 'awsDbStudy.startQuiz',
  reviewDue: 'awsDbStudy.reviewDue',
  mockInterview: 'awsDbStudy.mockInterview',
  showQuizStatistics: 'awsDbStudy.showQuizStatistics',
  exportProgress: 'awsDbStudy.exportProgress',
  importProgress: 'awsDbStudy.importProgress',
  resetProgress: 'awsDbStudy.resetProgress',
  checkWorkspace: 'awsDbStudy.checkWorkspace',
  disableHintRule: 'awsDbStudy.disableHintRule',
  enableHintRule: 'awsDbStudy.enableHintRule',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const VIEW_CONTAINER_ID = 'awsDbStudy';
export const TOPICS_VIEW_ID = 'awsDbStudy.topics';
export const WELCOME_VIEW_ID = 'awsDbStudy.welcome';
export const NOTE_PANEL_VIEW_TYPE = 'awsDbStudy.note';

/** The commands the study part runs (studyPart.ts): notes, the Topics search and the quiz. */
export const STUDY_COMMANDS = [
  Commands.openNote,
  Commands.searchTopics,
  Commands.startQuiz,
  Commands.reviewDue,
  Commands.mockInterview,
  Commands.showQuizStatistics,
  Commands.exportProgress,
  Commands.importProgress,
  Commands.resetProgress,
] as const;

export type StudyCommandId = (typeof STUDY_COMMANDS)[number];
