/** Conversions between ts-fsrs cards and the stored form (dates as epoch milliseconds). */
import { Card, State } from 'ts-fsrs';
import { CardState, StoredCard } from './quizState';

export function toFsrsCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as State,
    ...(card.lastReview !== undefined ? { last_review: new Date(card.lastReview) } : {}),
  };
}

export function fromFsrsCard(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
  };
  if (card.last_review) {
    stored.lastReview = card.last_review.getTime();
  }
  return stored;
}
