// 参会情况: the expected attendees, everyone present by default, and the exceptions marked by
// mouse or keyboard (↑↓ to move, 空格 toggles, 1–4 absent with a reason, P present); plus 列席.
import { UserAddOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ABSENCE_REASONS, ABSENCE_REASON_LABELS, type AbsenceReason } from '../../../shared/domain/activity-types';

export type AttendeeRow = {
  memberId: number;
  name: string;
  role: string | null;
  kind: 'full' | 'probationary';
  status: 'present' | 'absent';
  absenceReason: AbsenceReason | null;
  reasonText: string | null;
};

export type ObserverRow = { key: string; memberId: number | null; name: string };

type Props = {
  rows: AttendeeRow[];
  onRows: (rows: AttendeeRow[]) => void;
  observers: ObserverRow[];
  onObservers: (rows: ObserverRow[]) => void;
  notice?: string | null;
  /** No expected list for this type (谈心谈话, 志愿服务 …): the participants are chosen freely. */
  freeList?: boolean;
};

const KEY_REASON: Record<string, AbsenceReason> = { '1': 'sick', '2': 'business', '3': 'away', '4': 'other' };

export function AttendanceEditor({ rows, onRows, observers, onObservers, notice, freeList }: Props) {
  const [active, setActive] = useState(0);
  const [guest, setGuest] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const present = rows.filter((r) => r.status === 'present').length;
  const absent = rows.length - present;

  useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [rows.length, active]);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const update = (i: number, patch: Partial<AttendeeRow>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const markAbsent = (i: number, reason: AbsenceReason) => update(i, { status: 'absent', absenceReason: reason });
  const markPresent = (i: number) => update(i, { status: 'present', absenceReason: null, reasonText: null });

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('input, textarea, .ant-select')) return;
    const r = rows[active];
    if (e.key === 'ArrowDown' || e.key === 'j') setActive(Math.min(rows.length - 1, active + 1));
    else if (e.key === 'ArrowUp' || e.key === 'k') setActive(Math.max(0, active - 1));
    else if (!r) return;
    else if (e.key === ' ' || e.key === 'Enter') {
      if (r.status === 'present') markAbsent(active, r.absenceReason ?? 'business');
      else markPresent(active);
    }
    else if (KEY_REASON[e.key]) {
      markAbsent(active, KEY_REASON[e.key]!);
      setActive(Math.min(rows.length - 1, active + 1));
    } else if (e.key === 'p' || e.key === 'P') {
      markPresent(active);
      setActive(Math.min(rows.length - 1, active + 1));
    } else return;
    e.preventDefault();
  };

  const addGuest = () => {
    const name = guest.trim();
    if (!name) return;
    onObservers([...observers, { key: `g${Date.now()}`, memberId: null, name }]);
    setGuest('');
  };

  return (
    <div className="att">
      <div className="att-counts" aria-live="polite">
        {freeList ? (
          <span>参加 <b className="att-ok">{present}</b></span>
        ) : (
          <>
            <span>应到 <b>{rows.length}</b></span>
            <span>实到 <b className="att-ok">{present}</b></span>
            <span>缺席 <b className={absent ? 'att-bad' : ''}>{absent}</b></span>
          </>
        )}
        <span>列席 <b>{observers.length}</b></span>
        <span className="att-spacer" />
        {!freeList && (
          <Button size="small" type="link" onClick={() => onRows(rows.map((r) => ({ ...r, status: 'present', absenceReason: null, reasonText: null })))} disabled={rows.length === 0 || absent === 0}>
            全部设为出席
          </Button>
        )}
      </div>
      {notice && <Typography.Paragraph type="warning" className="att-notice">{notice}</Typography.Paragraph>}
      {freeList ? (
        rows.length === 0 && <div className="att-empty">这类活动没有固定的应到人员，请在上方选择参加的党员。</div>
      ) : rows.length === 0 ? (
        <div className="att-empty">该组织在这一天没有应到党员。</div>
      ) : (
        <div ref={listRef} className="att-list" tabIndex={0} role="listbox" aria-label="参会人员（↑↓ 选择，空格 切换出席/缺席，1–4 标记缺席原因）" onKeyDown={onKey} data-testid="attendance-list">
          {rows.map((r, i) => (
            <div
              key={r.memberId}
              data-row={i}
              data-member={r.name}
              data-status={r.status}
              role="option"
              aria-selected={i === active}
              className={`att-row ${i === active ? 'att-active' : ''} ${r.status === 'absent' ? 'att-row-absent' : ''}`}
              onClick={() => setActive(i)}
            >
              <span className="att-name">
                {r.name}
                {r.kind === 'probationary' && <Tag className="att-tag">预备</Tag>}
                {r.role && <span className="att-role">{r.role}</span>}
              </span>
              <span className="att-actions">
                <Button size="small" className={`att-btn att-btn-present ${r.status === 'present' ? 'on' : ''}`} aria-pressed={r.status === 'present'} onClick={() => markPresent(i)}>
                  出席
                </Button>
                <Button size="small" className={`att-btn att-btn-absent ${r.status === 'absent' ? 'on' : ''}`} aria-pressed={r.status === 'absent'} onClick={() => markAbsent(i, r.absenceReason ?? 'business')}>
                  缺席
                </Button>
                {r.status === 'absent' && (
                  <Select
                    size="small"
                    className="att-reason"
                    value={r.absenceReason ?? undefined}
                    onChange={(v) => update(i, { absenceReason: v })}
                    options={ABSENCE_REASONS.map((v) => ({ value: v, label: ABSENCE_REASON_LABELS[v] }))}
                    aria-label={`${r.name}的缺席原因`}
                  />
                )}
              </span>
              {r.status === 'absent' && (
                <Input
                  size="small"
                  className="att-reason-text"
                  placeholder="说明（可不填）"
                  maxLength={100}
                  value={r.reasonText ?? ''}
                  onChange={(e) => update(i, { reasonText: e.target.value || null })}
                />
              )}
            </div>
          ))}
        </div>
      )}
      {!freeList && rows.length > 0 && (
        <div className="att-keys">
          <kbd>↑</kbd><kbd>↓</kbd>选择 <kbd>空格</kbd>出席/缺席 <kbd>1</kbd>因病 <kbd>2</kbd>因公 <kbd>3</kbd>外出 <kbd>4</kbd>其他 <kbd>P</kbd>出席
        </div>
      )}
      <div className="att-observers">
        <Typography.Text type="secondary">列席人员：</Typography.Text>
        {observers.map((o) => (
          <Tag key={o.key} closable onClose={() => onObservers(observers.filter((x) => x.key !== o.key))}>
            {o.name}
          </Tag>
        ))}
        <Space.Compact size="small" className="att-guest">
          <Input placeholder="姓名或职务，如 街道组织委员" value={guest} onChange={(e) => setGuest(e.target.value)} onPressEnter={addGuest} maxLength={30} />
          <Tooltip title="添加列席人员">
            <Button icon={<UserAddOutlined />} onClick={addGuest} aria-label="添加列席人员" />
          </Tooltip>
        </Space.Compact>
      </div>
    </div>
  );
}
