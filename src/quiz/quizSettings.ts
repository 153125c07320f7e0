/** The quiz's settings (`awsDbStudy.quiz.*`), clamped to values ts-fsrs and the UI accept. */
export interface QuizSettings {
  /** FSRS request_retention: the recall probability reviews are scheduled for. */
  desiredRetention: number;
  /** FSRS maximum_interval, in days. */
  maximumInterval: number;
  /** How many never-seen items today's review introduces per local day (any session's new items count). */
  dailyNewLimit: number;
  shuffleOptions: boolean;
  includeAskInterviewer: boolean;
  mockInterviewQuestions: number;
  mockInterviewMinutes: number;
  showStatusBar: boolean;
  /** A session's default length: 10 or 20 items, or `sessionMinutes` minutes. */
  sessionLength: SessionLengthSetting;
  sessionMinutes: number;
}

export type SessionLengthSetting = '10' | '20' | 'minutes';
export const SESSION_LENGTHS: readonly SessionLengthSetting[] = ['10', '20', 'minutes'];

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  desiredRetention: 0.9,
  maximumInterval: 365,
  dailyNewLimit: 20,
  shuffleOptions: true,
  includeAskInterviewer: false,
  mockInterviewQuestions: 5,
  mockInterviewMinutes: 20,
  showStatusBar: true,
  sessionLength: '10',
  sessionMinutes: 15,
};

function clampNumber(value: unknown, min: number, max: number, fallback: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fallback;
  }
  const clamped = Math.min(max, Math.max(min, value));
  return integer ? Math.round(clamped) : clamped;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Settings as read from the configuration; a hand-edited out-of-range value falls back or is clamped. */
export function sanitizeQuizSettings(raw: Partial<Record<keyof QuizSettings, unknown>>): QuizSettings {
  const d = DEFAULT_QUIZ_SETTINGS;
  return {
    desiredRetention: clampNumber(raw.desiredRetention, 0.7, 0.99, d.desiredRetention, false),
    maximumInterval: clampNumber(raw.maximumInterval, 1, 36500, d.maximumInterval, true),
    dailyNewLimit: clampNumber(raw.dailyNewLimit, 0, 1000, d.dailyNewLimit, true),
    shuffleOptions: bool(raw.shuffleOptions, d.shuffleOptions),
    includeAskInterviewer: bool(raw.includeAskInterviewer, d.includeAskInterviewer),
    mockInterviewQuestions: clampNumber(raw.mockInterviewQuestions, 1, 30, d.mockInterviewQuestions, true),
    mockInterviewMinutes: clampNumber(raw.mockInterviewMinutes, 1, 180, d.mockInterviewMinutes, true),
    showStatusBar: bool(raw.showStatusBar, d.showStatusBar),
    sessionLength: SESSION_LENGTHS.find((length) => length === raw.sessionLength) ?? d.sessionLength,
    sessionMinutes: clampNumber(raw.sessionMinutes, 1, 180, d.sessionMinutes, true),
  };
}
