// Building blocks for input schemas: Chinese messages, blank text as null, text normalised.
import { z } from 'zod';
import { isIsoDate } from '../dates';

// Control characters (line breaks and tabs aside), bidi overrides and isolates (which reorder how a
// name is shown: "‮" makes 张三 print as 三张), and text that is only invisible characters.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF]/g;

/** Trimmed, NFC (one code sequence per character as typed on any input method), and clean. */
const cleanText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !CONTROL.test(s), { message: `${label}含有控制字符，请重新输入` })
    .refine((s) => !BIDI.test(s), { message: `${label}含有改变文字方向的隐藏字符，请重新输入` })
    .refine((s) => s === '' || s.replace(INVISIBLE, '') !== '', { message: `${label}只有看不见的字符，请重新输入` })
    .transform((s) => s.normalize('NFC'));

/** Optional free text: trimmed; blank becomes null. */
export const optText = (max = 200, label = '') =>
  cleanText(label || '内容', max)
    .nullish()
    .transform((s) => (s ? s : null));

export const reqText = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).pipe(cleanText(label, max));

export const isoDate = (label = '日期') => z.string().refine(isIsoDate, { message: `${label}格式不正确（应为 年-月-日）` });
export const optDate = (label = '日期') =>
  z
    .string()
    .nullish()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || isIsoDate(s), { message: `${label}格式不正确（应为 年-月-日）` });

export const id = z.number().int().positive();
