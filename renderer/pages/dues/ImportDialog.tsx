// 党费 → 导入: a dues spreadsheet (姓名, 身份证号, 1月…12月 with amounts or ✓, or 缴费月份) checked row by
// row before anything is written — the same codes and rejects file as the roster import — then
// written in one go. A file with errors writes nothing unless the clerk chooses to skip those rows.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { DuesImportLine, DuesImportPreview } from '../../../shared/api/dues-import';
import { ledger } from '../../api';
import { saveBytes } from '../../download';
import { attempt, showSuccess } from '../../feedback';

type Picked = { fileName: string; data: Uint8Array };

export function DuesImportDialog({ year, onClose, onImported }: { year: number; onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<DuesImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = (f: Picked) => ({ fileName: f.fileName, data: f.data, year, skipInvalid });

  const pick = async (f: File) => {
    const picked = { fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) };
    setFile(picked);
    setBusy(true);
    setPreview((await attempt(() => ledger['duesImport.preview'](input(picked)))) ?? null);
    setBusy(false);
    return false;
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    const r = await attempt(() => ledger['duesImport.commit'](input(file)));
    setBusy(false);
    if (r?.report.written) {
      showSuccess(`已导入 ${r.report.valid} 名党员的 ${r.report.payments} 条交纳记录（${r.report.months} 个月）`);
      onImported();
      onClose();
    } else if (r) setPreview(r);
  };
  const rejects = async () => {
    if (!file) return;
    const r = await attempt(() => ledger['duesImport.rejects'](input(file)));
    if (r?.data.length) saveBytes(r.data as BlobPart, r.fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const report = preview?.report;
  const issuesOf = (l: DuesImportLine) => (report ? [...report.errors, ...report.warnings].filter((i) => i.row === l.row && i.sheet === l.sheet) : []);
  const writable = report && report.fileErrors.length === 0 && report.valid > 0 && (report.errors.length === 0 || skipInvalid);
  return (
    <Modal open width={860} title={`导入党费收缴表（${year} 年）`} onCancel={onClose} destroyOnHidden
      footer={(
        <Space>
          {report && report.errors.length > 0 && <Button icon={<DownloadOutlined />} onClick={rejects}>导出错误行</Button>}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!writable} loading={busy} onClick={commit}>导入{report ? `（${report.valid} 行）` : ''}</Button>
        </Space>
      )}>
      <Typography.Paragraph type="secondary">
        支持 .xlsx、.xls、WPS 表格和 CSV：需要“姓名”“身份证号”两列，以及“1月”…“12月”各列（已交填金额或 ✓，未交留空），或“缴费月份”一列（如“1-3月”）及“金额”“缴费日期”。
        金额须与台帐中按交纳基数计算的应交额一致；没有缴费日期的月份按当月最后一天登记。
      </Typography.Paragraph>
      <Upload accept=".xlsx,.xls,.csv,.et" showUploadList={false} beforeUpload={pick}>
        <Button icon={<UploadOutlined />} loading={busy && !report}>{file ? `重新选择（${file.fileName}）` : '选择文件'}</Button>
      </Upload>
      {report && (
        <div className="dues-import-result">
          {report.fileErrors.map((f) => <Alert key={f.code} type="error" showIcon title={f.message} />)}
          {report.fileErrors.length === 0 && (
            <Alert type={report.errors.length ? 'warning' : 'success'} showIcon
              title={`共 ${report.rows} 行，无错误 ${report.valid} 行；导入将登记 ${report.payments} 条交纳记录、${report.months} 个月。${report.errors.length ? `有 ${report.rows - report.valid} 行有错误：改正后重新选择文件，或勾选下方只导入没有错误的行。` : ''}`} />
          )}
          <Table<DuesImportLine> size="small" rowKey={(l) => `${l.sheet}:${l.row}`} dataSource={preview!.lines} pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '月份', key: 'months', width: 200, render: (_, l) => l.months.map((m) => `${Number(m.slice(5))}月`).join('、') },
              {
                title: '检查结果', key: 'issues',
                render: (_, l) => {
                  const issues = issuesOf(l);
                  return issues.length ? <ul className="dues-import-issues">{issues.map((i) => <li key={`${i.code}${i.cell}${i.message}`}><Tag color="red">{i.column}</Tag>{i.message}</li>)}</ul> : <Tag color="green">可以导入</Tag>;
                },
              },
            ]} />
          {report.errors.length > 0 && report.valid > 0 && (
            <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>只导入没有错误的 {report.valid} 行（有错误的行导出后改正再导入）</Checkbox>
          )}
        </div>
      )}
    </Modal>
  );
}
