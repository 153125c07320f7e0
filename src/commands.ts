/** Every command id the extension contributes. package.json must list exactly these (unit-tested). */
export const Commands = {
  openNote: 'awsDbStudy.openNote',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const VIEW_CONTAINER_ID = 'awsDbStudy';
export const TOPICS_VIEW_ID = 'awsDbStudy.topics';
export const NOTE_PANEL_VIEW_TYPE = 'awsDbStudy.note';
