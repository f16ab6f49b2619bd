// 三会一课及组织生活记录: the list of meetings and activities in the period, and one record page per
// meeting with who was there, who was absent and why, and the minutes.
import type { ActivityRow } from '../../api/activities';
import type { Column, GridBlock, GridCell, RegisterDoc, Section, TableBlock } from '../model';
import { chineseDate } from '../conventions';
import { type ReportHeader, periodOf, registerDoc, tableSection } from './common';

/** An activity as the activities service lists it, with the counts under shorter names. */
export type MeetingLine = Pick<ActivityRow, 'typeLabel' | 'date' | 'startTime' | 'endTime' | 'place' | 'topic' | 'host' | 'recorder' | 'lecturer'> & {
  org: string;
  /** The branch a 党小组's meeting belongs to (captions group by it). */
  branch: string;
  expected: number;
  present: number;
  absent: number;
  observers: number;
};

export type MeetingPage = MeetingLine & {
  presentNames: string[];
  /** 张三（因病） */
  absentNames: string[];
  observerNames: string[];
  minutes: string | null;
  decisions: string | null;
  attachments: number;
};

export type MeetingsData = ReportHeader & { meetings: MeetingLine[] };
export type MeetingPagesData = ReportHeader & { meetings: MeetingPage[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '日期', kind: 'date' },
  { header: '时间', kind: 'center' },
  { header: '类型', kind: 'center', max: 14 },
  { header: '组织', max: 14 },
  { header: '主题', max: 40 },
  { header: '地点', max: 14 },
  { header: '主持人', wrap: false },
  { header: '记录人', wrap: false },
  { header: '应到', kind: 'number' },
  { header: '实到', kind: 'number' },
  { header: '缺席', kind: 'number' },
  { header: '列席', kind: 'number' },
];

export function timeRange(m: { startTime: string | null; endTime: string | null }): string {
  if (!m.startTime) return '';
  return m.endTime ? `${m.startTime}-${m.endTime}` : m.startTime;
}

export function buildMeetings(data: MeetingsData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const branches = [...new Set(data.meetings.map((m) => m.branch))];
  for (const b of branches) {
    const list = data.meetings.filter((m) => m.branch === b);
    captions.push({ before: rows.length, text: `${b}（${list.length} 次）` });
    list.forEach((m, i) => rows.push([
      i + 1, m.date, timeRange(m), m.typeLabel, m.org === b ? '' : m.org.replace(b, ''), m.topic, m.place, m.host, m.recorder,
      m.expected || null, m.expected ? m.present : null, m.expected ? m.absent : null, m.observers || null,
    ]));
  }
  const byType = new Map<string, number>();
  for (const m of data.meetings) byType.set(m.typeLabel, (byType.get(m.typeLabel) ?? 0) + 1);
  const summary = [...byType].map(([t, n]) => `${t} ${n} 次`).join('，');
  return registerDoc('meetings', data, [
    tableSection('meetings', data, 'landscape', [
      { type: 'table', columns: COLUMNS, rows, captions, emptyText: '（期间内没有会议和活动记录）' },
      { type: 'text', style: 'note', text: `合计 ${data.meetings.length} 次${summary ? `：${summary}` : ''}。“组织”一栏空白的为支部本级活动。` },
    ]),
  ]);
}

const L = (text: string, span = 1): GridCell => ({ text, label: true, span });
const V = (text: string | null | undefined, span = 1): GridCell => ({ text: text ?? '', span });
const names = (list: string[]) => (list.length ? list.join('、') : '无');

export function meetingGrid(m: MeetingPage): GridBlock {
  const rows: GridCell[][] = [
    [L('党组织'), V(m.org, 3)],
    [L('会议类型'), V(m.typeLabel), L('会议时间'), V(`${chineseDate(m.date)} ${timeRange(m)}`.trim())],
    [L('会议地点'), V(m.place), L(m.lecturer ? '主讲人' : '主持人'), V(m.lecturer ?? m.host)],
  ];
  const heights = [1, 1, 1];
  if (m.lecturer) {
    rows.push([L('主持人'), V(m.host), L('记录人'), V(m.recorder)]);
  } else rows.push([L('记录人'), V(m.recorder), L('附件'), V(m.attachments ? `${m.attachments} 件` : '无')]);
  heights.push(1);
  rows.push([L('应到人数'), V(m.expected ? String(m.expected) : '—'), L('实到人数'), V(m.expected ? String(m.present) : String(m.present || '—'))]);
  heights.push(1);
  rows.push([L('出席人员'), V(names(m.presentNames), 3)], [L('缺席人员及原因'), V(names(m.absentNames), 3)], [L('列席人员'), V(names(m.observerNames), 3)]);
  heights.push(2, 1, 1);
  rows.push([L('会议主题'), V(m.topic, 3)], [L('会议内容'), V(m.minutes ?? '', 3)], [L('决议事项'), V(m.decisions ?? '', 3)]);
  heights.push(1, 12, 3);
  return { type: 'grid', widths: [2, 4, 2, 4], rows, heights };
}

export function buildMeetingPages(data: MeetingPagesData): RegisterDoc {
  const sections: Section[] = data.meetings.map((m, i) => ({
    title: `${m.typeLabel}记录`,
    unit: m.org,
    period: chineseDate(m.date),
    orientation: 'portrait',
    blocks: [meetingGrid(m), { type: 'signatures', items: ['主持人签字：', '记录人签字：'] }],
    sheet: '会议记录',
    ...(i === 0 ? { toc: '会议记录' } : {}),
  }));
  if (sections.length === 0) {
    sections.push({ title: '会议记录', unit: data.unit, period: periodOf('meeting-pages', data), orientation: 'portrait', blocks: [{ type: 'text', text: '（期间内没有会议记录）' }], sheet: '会议记录', toc: '会议记录' });
  }
  return registerDoc('meeting-pages', data, sections);
}
