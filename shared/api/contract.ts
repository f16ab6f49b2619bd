// One API contract for every call the renderer can make. A call is a zod schema for its input
// and a phantom type for its output; the main process validates input with the same schema in
// both bindings (IPC in the app, HTTP on 127.0.0.1 for `npm run demo` and the browser tests).
import type { z } from 'zod';

export type Call<I extends z.ZodType = z.ZodType, O = unknown> = { input: I; readonly __output?: O };

/** `call<Output>()(inputSchema)`: curried so the output type is explicit and the input inferred. */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): Call<I, O> => ({ input });

export type InputOf<C> = C extends Call<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends Call<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends Call<z.ZodType, infer O> ? O : never;

/** What a failed call returns over either binding. */
export type ApiErrorBody = { code: string; message: string; details?: unknown };
