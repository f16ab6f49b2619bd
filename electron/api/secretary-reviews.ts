import { attachToSecretaryReview, listSecretaryReviews, saveSecretaryReview, voidSecretaryReview } from '../ledger/secretary-reviews';
import type { HandlerMap } from './handlers';

type SecretaryReviewMethod = 'secretaryReviews.list' | 'secretaryReviews.save' | 'secretaryReviews.void' | 'secretaryReviews.attach';

export const secretaryReviewsHandlers: HandlerMap<SecretaryReviewMethod> = {
  'secretaryReviews.list': (state, { year }) => listSecretaryReviews(state.requireLedger(), year),
  'secretaryReviews.save': (state, input) => saveSecretaryReview(state.requireLedger(), input),
  'secretaryReviews.void': (state, { id, reason }) => {
    voidSecretaryReview(state.requireLedger(), id, reason);
    return { id };
  },
  'secretaryReviews.attach': (state, input) => attachToSecretaryReview(state.requireLedger(), input),
};
