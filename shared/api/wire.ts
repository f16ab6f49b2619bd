// JSON on the HTTP binding loses bytes (a Uint8Array becomes {"0":…}); IPC keeps them. Both
// ends of the demo host encode bytes as {"$bytes": base64} so handlers see the same values
// in both bindings (a spreadsheet to import, a PDF to save).
type Bytes = { $bytes: string };

function toBase64(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function wireStringify(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // JSON.stringify has already called Buffer#toJSON on `v`; the raw value is this[key].
    const raw = this[key];
    if (raw instanceof Uint8Array) return { $bytes: toBase64(raw) } satisfies Bytes;
    if (raw instanceof ArrayBuffer) return { $bytes: toBase64(new Uint8Array(raw)) } satisfies Bytes;
    return v;
  });
}

export function wireParse(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof o.$bytes === 'string') return fromBase64(o.$bytes);
    }
    return v;
  });
}
