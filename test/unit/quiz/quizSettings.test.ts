import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_QUIZ_SETTINGS, sanitizeQuizSettings } from '../../../src/quiz/quizSettings';

describe('quiz settings', () => {
  it('falls back to the defaults for missing or mistyped values', () => {
    assert.deepEqual(sanitizeQuizSettings({}), DEFAULT_QUIZ_SETTINGS);
    assert.deepEqual(sanitizeQuizSettings({ desiredRetention: '0.8', dailyNewLimit: NaN, showStatusBar: 'no' }), DEFAULT_QUIZ_SETTINGS);
  });

  it('clamps hand-edited values to what FSRS accepts', () => {
    const settings = sanitizeQuizSettings({ desiredRetention: 1.5, maximumInterval: 0, dailyNewLimit: 12.6, mockInterviewMinutes: -3 });
    assert.equal(settings.desiredRetention, 0.99);
    assert.equal(settings.maximumInterval, 1);
    assert.equal(settings.dailyNewLimit, 13);
    assert.equal(settings.mockInterviewMinutes, 1);
  });

  it('matches the defaults and bounds declared in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const properties: Record<string, { default: unknown; minimum?: number; maximum?: number }> = manifest.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_QUIZ_SETTINGS)) {
      const declared = properties[`awsDbStudy.quiz.${key}`];
      assert.ok(declared, `awsDbStudy.quiz.${key} is contributed`);
      assert.equal(declared.default, value, key);
      if (declared.minimum !== undefined) {
        assert.equal(sanitizeQuizSettings({ [key]: declared.minimum - 1000 })[key as keyof typeof DEFAULT_QUIZ_SETTINGS], declared.minimum, key);
        assert.equal(sanitizeQuizSettings({ [key]: declared.maximum! + 1000 })[key as keyof typeof DEFAULT_QUIZ_SETTINGS], declared.maximum, key);
      }
    }
  });
});
