// Joins the API's areas (their calls in shared/api/index.ts, their handlers in
// electron/api/handlers.ts) into one map. An object spread would let a second area's method
// silently replace the first's; this throws as the module loads, so the app, the demo host and
// every test that touches the API refuse to start.
type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;
type Flat<T> = { [K in keyof T]: T[K] };

export function mergeAreas<const T extends readonly object[]>(...areas: T): Flat<Merged<T>> {
  const out: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [method, value] of Object.entries(area)) {
      if (Object.hasOwn(out, method)) throw new Error(`API method "${method}" is defined by two areas: rename one of them.`);
      out[method] = value;
    }
  }
  return out as Flat<Merged<T>>;
}
