// Step 3: every row as the file has it, with each error and warning on its row and on its cell,
// in Chinese; the changes to members already in the ledger are listed before anything is written.
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { IMPORT_FIELD_LABELS, SKIP_REASON_LABELS, type ImportField, type ImportIssue, type ImportPreview, type ImportPreviewRow } from '../../../shared/api/import';

type Filter = 'problems' | 'errors' | 'warnings' | 'updates' | 'all';

const ACTION_TAGS: Record<ImportPreviewRow['action'], { color: string; text: string }> = {
  create: { color: 'green', text: '新增' },
  update: { color: 'blue', text: '更新' },
  unchanged: { color: 'default', text: '无变化' },
  reject: { color: 'red', text: '不导入' },
};

/** Width of a data column, by what it usually holds. */
const WIDTHS: Partial<Record<ImportField, number>> = {
  name: 96, gender: 56, ethnicity: 72, idNumber: 188, birthDate: 110, joinedOn: 110, confirmedOn: 110, kind: 96,
  org: 190, employer: 200, phone: 128, address: 240, education: 88, nativePlace: 96, note: 160, job: 100,
};

function where(r: ImportPreviewRow, multiSheet: boolean): string {
  return multiSheet && r.sheet !== null ? `${r.sheet} 第 ${r.row} 行` : `第 ${r.row} 行`;
}

/** A message said once above the table stands on its row as its short title. */
function IssueLine({ issue, saidAbove }: { issue: ImportIssue; saidAbove: boolean }) {
  const error = issue.severity === 'error';
  return (
    <div className={error ? 'imp-issue imp-issue-error' : 'imp-issue imp-issue-warning'} data-code={issue.code}>
      {error ? <CloseCircleFilled /> : <ExclamationCircleFilled />}
      <span>
        <span className="imp-issue-col">{issue.column}</span>
        {saidAbove ? `${issue.title}（见表格上方的说明）` : issue.message}
      </span>
    </div>
  );
}

/** The branch messages shared by several rows (one unknown branch on 30 rows): said once, with the row count. */
function sharedBranchMessages(rows: readonly ImportPreviewRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) for (const m of new Set(r.issues.filter((i) => i.code === 'ORG_UNKNOWN').map((i) => i.message))) counts.set(m, (counts.get(m) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1));
}

/** Few rows scroll with the page; thousands scroll inside a virtual table. */
const VIRTUAL_FROM = 300;

export function Preview({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const hasProblems = counts.rejected > 0 || counts.warnings > 0;
  const [filter, setFilter] = useState<Filter>(hasProblems ? 'problems' : 'all');
  const multiSheet = preview.sheets.filter((s) => s.headerRow !== null).length > 1;

  // One column per imported field, titled as the file titles it (the first sheet that has it).
  const fieldColumns = useMemo(() => {
    const seen = new Map<ImportField, string>();
    for (const s of preview.sheets) for (const c of s.columns) if (c.field && !seen.has(c.field)) seen.set(c.field, c.header || IMPORT_FIELD_LABELS[c.field]);
    return [...seen.entries()];
  }, [preview.sheets]);
  const columnOf = useMemo(() => {
    const m = new Map<number, Map<ImportField, number>>();
    for (const s of preview.sheets) m.set(s.index, new Map(s.columns.filter((c) => c.field).map((c) => [c.field!, c.index])));
    return m;
  }, [preview.sheets]);

  const rows = useMemo(() => {
    const errorRow = (r: ImportPreviewRow) => r.issues.some((i) => i.severity === 'error');
    const warnRow = (r: ImportPreviewRow) => r.issues.some((i) => i.severity === 'warning');
    switch (filter) {
      case 'problems': return preview.rows.filter((r) => r.issues.length > 0);
      case 'errors': return preview.rows.filter(errorRow);
      case 'warnings': return preview.rows.filter(warnRow);
      case 'updates': return preview.rows.filter((r) => r.action === 'update');
      default: return preview.rows;
    }
  }, [filter, preview.rows]);

  const updates = preview.rows.filter((r) => r.action === 'update');
  const shared = useMemo(() => sharedBranchMessages(preview.rows), [preview.rows]);
  const columns: ColumnsType<ImportPreviewRow> = [
    { title: '表中位置', key: 'where', width: multiSheet ? 150 : 88, fixed: 'left', render: (_, r) => <span className="imp-where">{where(r, multiSheet)}</span> },
    {
      title: '结果', key: 'action', width: 76, fixed: 'left',
      render: (_, r) => <Tag color={ACTION_TAGS[r.action].color}>{ACTION_TAGS[r.action].text}</Tag>,
    },
    {
      title: '问题说明（改正后重新导入，或导出错误行）', key: 'issues', width: 400,
      render: (_, r) =>
        r.issues.length === 0 ? <Typography.Text type="secondary">{r.action === 'update' ? `将修改：${r.changes.map((c) => c.label).join('、')}` : '没有问题'}</Typography.Text>
          : r.issues.map((i, k) => <IssueLine key={k} issue={i} saidAbove={shared.has(i.message)} />),
    },
    ...fieldColumns.map(([field, title]) => ({
      title,
      key: field,
      width: WIDTHS[field] ?? 120,
      render: (_: unknown, r: ImportPreviewRow) => {
        const col = columnOf.get(r.sheetIndex)?.get(field);
        const text = col === undefined ? '' : (r.cells[col] ?? '');
        const issues = r.issues.filter((i) => i.field === field);
        if (issues.length === 0) return <span className="imp-cell">{text}</span>;
        const error = issues.some((i) => i.severity === 'error');
        return (
          <Tooltip title={issues.map((i) => i.message).join('\n')}>
            <span className={error ? 'imp-cell imp-cell-error' : 'imp-cell imp-cell-warning'} data-issue={issues.map((i) => i.code).join(' ')}>
              {error ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {text || '（空）'}
            </span>
          </Tooltip>
        );
      },
    })),
  ];
  const width = columns.reduce((n, c) => n + Number(c.width ?? 120), 0);

  return (
    <Space orientation="vertical" size={12} className="imp-block">
      <div className="imp-summary" data-testid="import-summary">
        <div className="imp-stat">
          <div className="imp-stat-value">{counts.rows}</div>
          <div className="imp-stat-label">数据行</div>
        </div>
        <div className="imp-stat imp-stat-ok">
          <div className="imp-stat-value">{counts.valid}</div>
          <div className="imp-stat-label">可以导入（新增 {counts.created}，更新 {counts.updated}，无变化 {counts.unchanged}）</div>
        </div>
        <div className={counts.rejected ? 'imp-stat imp-stat-error' : 'imp-stat'}>
          <div className="imp-stat-value">{counts.rejected}</div>
          <div className="imp-stat-label">有错误，不能导入</div>
        </div>
        <div className={counts.warnings ? 'imp-stat imp-stat-warning' : 'imp-stat'}>
          <div className="imp-stat-value">{counts.warnings}</div>
          <div className="imp-stat-label">条提示（可以导入，请留意）</div>
        </div>
      </div>

      {preview.skippedRows.length > 0 && (
        <Card size="small" className="imp-skipped" title={`表中有 ${preview.skippedRows.length} 处不是党员的内容，不会导入：`} data-testid="import-skipped">
          <ul className="imp-change-list">
            {preview.skippedRows.map((s) => (
              <li key={`${s.sheet}-${s.row}`}>
                已跳过：{SKIP_REASON_LABELS[s.reason]}（{multiSheet && s.sheet !== null ? `${s.sheet} ` : ''}第 {s.row} 行）<Typography.Text type="secondary">{s.text}</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {preview.valueMappings.length > 0 && (
        <Card size="small" title="按代码表统一的写法（统计时不再分成两类）：" data-testid="import-value-mappings">
          <ul className="imp-change-list">
            {preview.valueMappings.map((m) => (
              <li key={`${m.field}-${m.from}`}>
                {IMPORT_FIELD_LABELS[m.field]}“{m.from}” → “{m.to}”（{m.rows} 行）
              </li>
            ))}
          </ul>
        </Card>
      )}

      {[...shared].map(([message, n]) => (
        <Alert key={message} type="error" showIcon data-testid="import-shared-message" title={`${n} 行：${message}`} />
      ))}

      {preview.orgsToCreate.length > 0 && (
        <Alert type="info" showIcon title={`将新建 ${preview.orgsToCreate.length} 个党支部：${preview.orgsToCreate.join('、')}`} />
      )}

      {updates.length > 0 && (
        <Card size="small" className="imp-changes" title={`将修改 ${updates.length} 名已在台帐中的党员（按身份证号匹配），请先核对：`}>
          <ul className="imp-change-list">
            {updates.slice(0, 200).map((r) => (
              <li key={`${r.sheetIndex}-${r.row}`}>
                <b>{r.name}</b>（{where(r, multiSheet)}）：
                {r.changes.map((c, k) => (
                  <span key={k} className="imp-change">
                    {c.label} <del>{c.before ?? '（空）'}</del> → <ins>{c.after ?? '（空）'}</ins>
                  </span>
                ))}
              </li>
            ))}
            {updates.length > 200 && <li>……另有 {updates.length - 200} 人，可在上方选“将更新”逐行查看。</li>}
          </ul>
        </Card>
      )}

      <div className="imp-filter">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            ...(hasProblems ? [{ value: 'problems' as const, label: `有问题的行（${preview.rows.filter((r) => r.issues.length > 0).length}）` }] : []),
            { value: 'errors', label: `有错误（${counts.rejected}）` },
            { value: 'warnings', label: `有提示（${preview.rows.filter((r) => r.issues.some((i) => i.severity === 'warning')).length}）` },
            { value: 'updates', label: `将更新（${counts.updated}）` },
            { value: 'all', label: `全部（${counts.rows}）` },
          ]}
        />
        <span className="imp-legend">
          <span className="imp-cell imp-cell-error"><CloseCircleFilled /> 错误</span>
          <span className="imp-cell imp-cell-warning"><ExclamationCircleFilled /> 提示</span>
          <Typography.Text type="secondary">鼠标移到标红的格子上可看原因</Typography.Text>
        </span>
      </div>

      <Table<ImportPreviewRow>
        className="imp-table"
        size="small"
        bordered
        virtual={rows.length > VIRTUAL_FROM}
        rowKey={(r) => `${r.sheetIndex}-${r.row}`}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={rows.length > VIRTUAL_FROM ? { x: width, y: 560 } : { x: width }}
        rowClassName={(r) => (r.action === 'reject' ? 'imp-row-rejected' : '')}
        locale={{ emptyText: '没有符合条件的行' }}
      />
    </Space>
  );
}
