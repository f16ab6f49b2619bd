// Building blocks for input schemas: Chinese messages, blank text as null.
import { z } from 'zod';
import { isIsoDate } from '../dates';

/** Optional free text: trimmed; blank becomes null. */
export const optText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字`)
    .nullish()
    .transform((s) => (s ? s : null));

export const reqText = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const isoDate = (label = '日期') => z.string().refine(isIsoDate, { message: `${label}格式不正确（应为 年-月-日）` });
export const optDate = (label = '日期') =>
  z
    .string()
    .nullish()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || isIsoDate(s), { message: `${label}格式不正确（应为 年-月-日）` });

export const id = z.number().int().positive();
