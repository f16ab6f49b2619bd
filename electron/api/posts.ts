// 设岗定责 calls over electron/ledger/posts.ts.
import { createPost, postBoard, retirePost, reviewPostHolder, updatePost } from '../ledger/posts';
import type { HandlerMap } from './handlers';

type PostMethods = 'posts.board' | 'posts.create' | 'posts.update' | 'posts.retire' | 'posts.review';

export const postsHandlers: HandlerMap<PostMethods> = {
  'posts.board': (state, q) => postBoard(state.requireLedger(), q),
  'posts.create': (state, input) => ({ id: createPost(state.requireLedger(), input) }),
  'posts.update': (state, { id, ...input }) => {
    updatePost(state.requireLedger(), id, input);
    return { id };
  },
  'posts.retire': (state, { id, date }) => {
    retirePost(state.requireLedger(), id, date);
    return { id };
  },
  'posts.review': (state, input) => ({ id: reviewPostHolder(state.requireLedger(), input) }),
};
