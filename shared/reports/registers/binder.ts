// 年度党建工作台帐 (the binder): a cover, a table of contents with page numbers, then the registers
// in a fixed order, each starting on a new page. PDF only.
import { chineseDate } from '../conventions';
import type { RegisterName } from '../catalog';
import { registerInfo } from '../catalog';
import type { RegisterDoc } from '../model';
import { type ReportHeader, chineseOrdinal } from './common';

/**
 * The binder's order: every inspection item of DOMAIN.md. A branch's binder holds them all; a binder
 * of several branches leaves out the page per member and the page per meeting (thousands of pages
 * street-wide), and the contact cards, unless asked for them.
 */
export const BINDER_ORDER: readonly Exclude<RegisterName, 'binder'>[] = [
  'orgs', 'roster', 'member-form', 'mobile', 'resident', 'posts', 'households', 'contacts', 'contact-cards', 'visits', 'meetings', 'meeting-pages',
  'attendance', 'appraisal', 'dues', 'dues-summary', 'admission', 'help', 'donations', 'contract', 'assessment', 'assessment-summary',
];

export function binderRegisters(branches: number, opts: { pages?: boolean } = {}): Exclude<RegisterName, 'binder'>[] {
  return BINDER_ORDER.filter((r) => branches <= 1 || opts.pages || (r !== 'member-form' && r !== 'meeting-pages' && r !== 'contact-cards'));
}

export function buildBinder(h: ReportHeader & { year: number }, parts: RegisterDoc[]): RegisterDoc {
  const sections = parts.flatMap((doc, i) => doc.sections.map((s, k) => ({
    ...s,
    // One entry per register, named by the register rather than by its first page's title.
    toc: k === 0 ? `${chineseOrdinal(i + 1)}、${registerInfo(doc.register).title}` : undefined,
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
    warnings: parts.flatMap((d) => d.warnings.map((w) => `${registerInfo(d.register).title}：${w}`)),
  };
}
