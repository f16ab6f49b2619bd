// 年度党建工作台帐 (the binder): a cover, a table of contents with page numbers, then the registers
// in a fixed order, each starting on a new page. PDF only.
import { chineseDate } from '../conventions';
import type { RegisterName } from '../catalog';
import { registerInfo } from '../catalog';
import type { RegisterDoc, Section } from '../model';
import { PLANS_TOC, SUMMARY_SHEET } from './plans';
import { type ReportHeader, chineseOrdinal } from './common';

/**
 * The binder's order: every inspection item of DOMAIN.md. A branch's binder holds them all; a binder
 * of several branches leaves out the page per member and the page per meeting (thousands of pages
 * street-wide), and the contact cards, unless asked for them.
 */
export const BINDER_ORDER: readonly Exclude<RegisterName, 'binder'>[] = [
  'plans',
  'orgs', 'roster', 'member-form', 'mobile', 'resident', 'resident-feedback', 'resident-summary', 'posts',
  'households', 'contacts', 'contact-cards', 'visits', 'meetings', 'meeting-pages',
  'attendance', 'appraisal', 'dues', 'dues-summary', 'admission', 'help', 'donations', 'contract', 'assessment', 'assessment-summary',
  'secretary-review', 'commendations',
];

export function binderRegisters(branches: number, opts: { pages?: boolean } = {}): Exclude<RegisterName, 'binder'>[] {
  return BINDER_ORDER.filter((r) => branches <= 1 || opts.pages || (r !== 'member-form' && r !== 'meeting-pages' && r !== 'contact-cards'));
}

/** 年初有计划、年终有总结: the plans and arrangements open the year's registers, the summaries close them. */
function binderParts(docs: RegisterDoc[]): { title: string; sections: Section[] }[] {
  const parts = docs.map((d) => ({ title: registerInfo(d.register).title, sections: d.sections, plans: d.register === 'plans' }));
  const plans = parts.find((p) => p.plans);
  if (!plans) return parts;
  const summaries = plans.sections.filter((s) => s.sheet === SUMMARY_SHEET);
  return [
    { title: PLANS_TOC, sections: plans.sections.filter((s) => s.sheet !== SUMMARY_SHEET) },
    ...parts.filter((p) => !p.plans),
    ...(summaries.length ? [{ title: SUMMARY_SHEET, sections: summaries }] : []),
  ];
}

export function buildBinder(h: ReportHeader & { year: number }, docs: RegisterDoc[]): RegisterDoc {
  const sections = binderParts(docs).flatMap((part, i) => part.sections.map((s, k) => ({
    ...s,
    // One entry per register, named by the register rather than by its first page's title.
    toc: k === 0 ? `${chineseOrdinal(i + 1)}、${part.title}` : undefined,
  })));
  return {
    register: 'binder',
    title: `${h.unit}${h.year}年度党建工作台帐`,
    printedOn: h.printedOn,
    masked: h.maskIds,
    cover: {
      title: '党建工作台帐',
      subtitle: `${h.year}年度`,
      lines: [h.unit, chineseDate(h.printedOn).replace(/\d+日$/, '')],
    },
    sections,
    warnings: docs.flatMap((d) => d.warnings.map((w) => `${registerInfo(d.register).title}：${w}`)),
  };
}
