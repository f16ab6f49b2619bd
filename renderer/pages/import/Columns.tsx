// Step 2: which sheets and columns were recognised; a column the engine misread (or did not know)
// can be set by hand, and the file is checked again with the new mapping.
import { CheckCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField, type ImportPreview, type ImportSheet } from '../../../shared/api/import';
import { columnLetter } from './job';

const FIELD_OPTIONS = [
  { value: '', label: '不导入' },
  ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })),
];

export type BranchOptions = { createOrgs: boolean; org: string | null };

type Props = {
  preview: ImportPreview;
  branches: { value: string; label: string }[];
  options: BranchOptions;
  busy: boolean;
  onMap: (sheet: ImportSheet, column: number, field: ImportField | null) => void;
  onOptions: (next: BranchOptions) => void;
};

/** The first few cells of a column, so the clerk sees what it holds. */
function samples(preview: ImportPreview, sheetIndex: number, column: number): string {
  const out: string[] = [];
  for (const r of preview.rows) {
    if (r.sheetIndex !== sheetIndex) continue;
    const v = r.cells[column]?.trim();
    if (v) out.push(v);
    if (out.length === 3) break;
  }
  return out.join('　');
}

export function Columns({ preview, branches, options, busy, onMap, onOptions }: Props) {
  const tables = preview.sheets.filter((s) => s.headerRow !== null);
  const needsBranch = tables.some((s) => !s.columns.some((c) => c.field === 'org'));
  if (preview.fileErrors.length > 0) {
    // The whole file cannot be imported: one sentence each, nothing to map or choose.
    return (
      <Space orientation="vertical" size={12} className="imp-block" data-testid="import-file-errors">
        {preview.fileErrors.map((e, k) => <Alert key={k} type="error" showIcon title={e.message} data-code={e.code} />)}
      </Space>
    );
  }
  const unmapped = tables.filter((s) => s.unmapped.length > 0);
  return (
    <Space orientation="vertical" size={12} className="imp-block">
      {unmapped.map((s) => (
        <Alert
          key={s.index}
          type="info"
          showIcon
          data-testid="import-unmapped"
          title={`${tables.length > 1 && s.name !== null ? `工作表“${s.name}”中` : ''}这些列不会导入：${s.unmapped.join('、')}。如其中某列是台帐中的一项，请在下表“导入为”中选择。`}
        />
      ))}
      {preview.ignoredSheets.length > 0 && (
        <Alert type="warning" showIcon title={`以下工作表中没有找到党员名单，不会导入：${preview.ignoredSheets.join('、')}`} />
      )}
      <Card size="small" title="所在党支部">
        <Space orientation="vertical">
          <Checkbox checked={options.createOrgs} disabled={busy} onChange={(e) => onOptions({ ...options, createOrgs: e.target.checked })}>
            表中的党支部在台帐中还没有时，自动新建（建在街道党工委下）
          </Checkbox>
          <Space wrap>
            <span>{needsBranch ? '表中没有“所在党支部”一列，这些党员导入到：' : '“所在党支部”为空的行导入到：'}</span>
            <Select
              className="imp-org-select"
              allowClear
              showSearch
              placeholder={needsBranch ? '请选择党支部' : '不指定（空着的行报错）'}
              value={options.org ?? undefined}
              disabled={busy}
              options={branches}
              onChange={(v) => onOptions({ ...options, org: (v as string | undefined) ?? null })}
              optionFilterProp="label"
            />
          </Space>
        </Space>
      </Card>
      {tables.map((sheet) => (
        <Card
          key={sheet.index}
          size="small"
          title={
            <Space wrap>
              <span>{sheet.name === null ? `文件 ${preview.file}` : `工作表“${sheet.name}”`}</span>
              <Typography.Text type="secondary">
                表头在第 {sheet.headerRow} 行，共 {sheet.rows} 行党员数据
              </Typography.Text>
            </Space>
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={sheet.columns}
            columns={[
              { title: '列', dataIndex: 'index', width: 52, render: (i: number) => columnLetter(i) },
              {
                title: '文件中的列名',
                dataIndex: 'header',
                width: 200,
                render: (h: string, c) => (
                  <Space size={6}>
                    {c.field ? <CheckCircleFilled className="imp-ok" /> : <QuestionCircleFilled className="imp-unknown" />}
                    <span>{h || <Typography.Text type="secondary">（无列名）</Typography.Text>}</span>
                  </Space>
                ),
              },
              {
                title: '导入为',
                width: 190,
                render: (_: unknown, c) => (
                  <Select
                    size="small"
                    className="imp-field-select"
                    value={c.field ?? ''}
                    disabled={busy}
                    options={FIELD_OPTIONS}
                    aria-label={`第 ${columnLetter(c.index)} 列导入为`}
                    onChange={(v: string) => onMap(sheet, c.index, (v || null) as ImportField | null)}
                  />
                ),
              },
              {
                title: '说明',
                width: 120,
                render: (_: unknown, c) =>
                  c.field && c.detected !== c.field ? <Tag color="blue">手动指定</Tag>
                    : c.field ? <Tag color="green">已识别</Tag>
                      : c.detected === 'ignore' ? <Tag>序号，不导入</Tag>
                        : c.detected ? <Tag color="orange">重复的列，不导入</Tag>
                          : <Tag color="default">未识别，不导入</Tag>,
              },
              { title: '示例内容', render: (_: unknown, c) => <span className="imp-sample">{samples(preview, sheet.index, c.index)}</span> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
