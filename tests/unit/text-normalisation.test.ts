// Text fields are normalised in the shared schemas: NFC; control characters, bidi overrides and
// invisible-only text refused — for every form, the API and the import alike.
import { describe, expect, it } from 'vitest';
import { optText, reqText } from '../../shared/schemas/common';
import { API } from '../../shared/api';

describe('text normalisation', () => {
  const name = reqText('姓名', 20);
  it('refuses NUL, escape sequences, bidi overrides and invisible-only text', () => {
    for (const bad of ['张\u0000三', '\u001b[31m张三', '\u202E三张', '张\u2066三', '\u200B\u200B', '\u3164', '\uFEFF ']) {
      expect({ bad, ok: name.safeParse(bad).success }).toEqual({ bad, ok: false });
      const note = optText(50).safeParse(bad); // refused, or blank (what trim() removes) and so null
      expect({ bad, kept: note.success && note.data !== null }).toEqual({ bad, kept: false });
    }
  });
  it('keeps ordinary text, line breaks in notes, and gives NFC', () => {
    expect(name.parse('  王\u5C0F明 ')).toBe('王小明');
    expect(name.parse('Zoe\u0301')).toBe('Zoé');
    expect(optText(200).parse('第一行\n第二行')).toBe('第一行\n第二行');
    expect(optText(200).parse('   ')).toBeNull();
  });
  it('applies to user names in the API', () => {
    expect(API['users.add'].input.safeParse({ name: '\u202E员理管', role: 'admin', password: 'qingtian-47-baiyun' }).success).toBe(false);
  });
});
