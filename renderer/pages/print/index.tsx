// 台帐打印: pick a register, the scope (the org chosen in the tree, with or without the orgs under
// it) and the period; see its first pages; export to PDF or Excel with a progress bar; then save,
// open or print the file. Every download is an export in the audit log.
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Progress, Radio, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportJob, ReportPreview, ReportRequestInput } from '../../../shared/api/reports';
import { REGISTERS, type RegisterName, type ReportFormat, isRegisterName, registerInfo } from '../../../shared/reports/catalog';
import { MASKED_FIELDS } from '../../../shared/reports/masking';
import { ledger } from '../../api';
import { errorText, showError } from '../../feedback';
import { useOrgs } from '../../org-context';
import { useLocation } from '../../router';
import { Preview } from './Preview';
import './print.css';
import { saveUrl } from '../../download';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR + 1 - i);

type Saved = { fileName: string; url: string; format: ReportFormat; job: ReportJob };

function printPdf(url: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank');
    }
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export default function PrintPage() {
  const { orgId, byId, pathName } = useOrgs();
  // Other pages open a register here with '#/print?register=…&from=…&to=…' (the 双报到 反馈单).
  const { query } = useLocation();
  const asked = query.get('register');
  const askedRange = query.get('from') && query.get('to') ? [dayjs(query.get('from')), dayjs(query.get('to'))] as [Dayjs, Dayjs] : null;
  const [register, setRegister] = useState<RegisterName>(asked && isRegisterName(asked) ? asked : 'roster');
  const [descendants, setDescendants] = useState(true);
  const [mode, setMode] = useState<'year' | 'range'>(askedRange ? 'range' : 'year');
  const [year, setYear] = useState(THIS_YEAR);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(askedRange ?? [dayjs().startOf('year'), dayjs()]);
  const [maskIds, setMaskIds] = useState(false);
  const [binderPages, setBinderPages] = useState(false);
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);
  const [job, setJob] = useState<ReportJob | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const polling = useRef(0);

  const info = registerInfo(register);
  const request: ReportRequestInput = useMemo(() => ({
    register,
    orgId,
    includeDescendants: descendants,
    maskIds,
    binderPages: register === 'binder' && binderPages,
    ...(mode === 'year' || info.periodKind === 'year' ? { year } : { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }),
  }), [register, orgId, descendants, maskIds, binderPages, mode, year, range, info.periodKind]);

  useEffect(() => {
    let live = true;
    setLoadingPreview(true);
    setPreviewError(null);
    const t = setTimeout(() => {
      ledger['reports.preview'](request)
        .then((p) => live && setPreview(p))
        .catch((e) => {
          if (!live) return;
          setPreview(null);
          setPreviewError(errorText(e));
        })
        .finally(() => live && setLoadingPreview(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [request]);

  // Leaving the page stops polling; a replaced file only gives back its link (bumping the poll
  // counter there cancelled the next export's polling, which then froze at its first figure).
  useEffect(() => () => {
    polling.current++;
  }, []);
  useEffect(() => () => {
    if (saved) URL.revokeObjectURL(saved.url);
  }, [saved]);

  async function download(j: ReportJob, format: ReportFormat): Promise<void> {
    const file = await ledger['reports.download']({ jobId: j.jobId });
    const url = URL.createObjectURL(new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mime }));
    setSaved({ fileName: file.fileName, url, format, job: j });
    saveUrl(url, file.fileName);
  }

  async function start(format: ReportFormat): Promise<void> {
    const mine = ++polling.current;
    setSaved(null);
    try {
      let j = await ledger['reports.start']({ ...request, format });
      setJob(j);
      while (j.state === 'running') {
        await new Promise((r) => setTimeout(r, 300));
        if (mine !== polling.current) return;
        j = await ledger['reports.job']({ jobId: j.jobId });
        setJob(j);
      }
      if (j.state === 'done') await download(j, format);
    } catch (e) {
      showError(e);
      setJob(null);
    }
  }

  async function cancel(): Promise<void> {
    if (!job) return;
    polling.current++;
    try {
      await ledger['reports.cancel']({ jobId: job.jobId });
    } catch (e) {
      showError(e);
    }
    setJob(null);
  }

  const scopeName = orgId !== null && byId.has(orgId) ? pathName(orgId) : '全街道';
  const running = job?.state === 'running';
  const previewNote = preview
    ? [
      preview.truncated ? '预览只显示开头部分' : '预览',
      preview.totalRows ? `共 ${preview.totalRows} 行` : '',
      preview.totalSections > 1 ? `${preview.totalSections} 份` : '',
    ].filter(Boolean).join('，')
    : '';

  return (
    <div>
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>台帐打印</Typography.Title>
          <span className="page-subtitle">按 A4 排版的 PDF 和 Excel，供迎检和归档</span>
        </Space>
      </div>
      <div className="pr-page">
        <Card className="pr-controls" size="small">
          <div>
            <div className="pr-field-label">台帐</div>
            <Select
              aria-label="台帐"
              value={register}
              onChange={(v: RegisterName) => setRegister(v)}
              style={{ width: '100%' }}
              listHeight={420}
              optionLabelProp="label"
              options={REGISTERS.map((r) => ({
                value: r.name,
                label: r.title,
                title: r.title,
                desc: r.summary,
              }))}
              optionRender={(o) => (
                <div>
                  <div>{o.data.label}</div>
                  <div className="pr-option-summary">{o.data.desc}</div>
                </div>
              )}
            />
          </div>
          <div>
            <div className="pr-field-label">范围</div>
            <div className="pr-scope">
              <span className="pr-scope-path" data-testid="print-scope">{scopeName}</span>
              <div className="pr-hint">在左侧组织树中选择党组织；不选则为全街道。</div>
            </div>
            {orgId !== null && (
              <Checkbox checked={descendants} onChange={(e) => setDescendants(e.target.checked)}>含下级党组织</Checkbox>
            )}
          </div>
          <div>
            <div className="pr-field-label">{info.periodKind === 'asOf' ? '截至' : '期间'}</div>
            {info.periodKind !== 'year' && (
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" size="small" style={{ marginBottom: 8 }}
                options={[{ value: 'year', label: '按年度' }, { value: 'range', label: info.periodKind === 'asOf' ? '按日期' : '按日期范围' }]} />
            )}
            {mode === 'year' || info.periodKind === 'year' ? (
              <Select aria-label="年度" value={year} onChange={setYear} style={{ width: '100%' }} options={YEARS.map((y) => ({ value: y, label: `${y} 年度` }))} />
            ) : (
              <DatePicker.RangePicker value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} allowClear={false} style={{ width: '100%' }} />
            )}
          </div>
          {register === 'binder' && (
            <Checkbox checked={binderPages} onChange={(e) => setBinderPages(e.target.checked)}>
              多个党支部的合订本也收入每名党员的采集表和每次会议的记录页（全街道可达数千页；单个党支部的合订本总是收入）
            </Checkbox>
          )}
          <Checkbox checked={maskIds} onChange={(e) => setMaskIds(e.target.checked)}>脱敏导出：隐去{MASKED_FIELDS}的部分内容（如 110101********123X、138****5678）</Checkbox>
          <div className="pr-actions">
            <Button type="primary" icon={<FilePdfOutlined />} disabled={running || !info.formats.includes('pdf')} onClick={() => void start('pdf')}>导出 PDF</Button>
            <Button icon={<FileExcelOutlined />} disabled={running || !info.formats.includes('xlsx')} onClick={() => void start('xlsx')}>导出 Excel</Button>
          </div>
          {job && job.state !== 'done' && (
            <div>
              <Progress percent={Math.round(job.progress * 100)} status={job.state === 'failed' ? 'exception' : 'active'} aria-label="导出进度" />
              <Space>
                <span className="pr-hint">{job.state === 'failed' ? job.error : job.message}</span>
                {running && <Button size="small" onClick={() => void cancel()}>取消</Button>}
              </Space>
            </div>
          )}
          {job?.state === 'done' && saved && (
            <div className="pr-result" data-testid="print-result">
              <Alert type="success" showIcon title="已生成并开始下载" description={
                <span className="pr-result-file">{saved.fileName}（{job.pages ? `${job.pages} 页，` : ''}{sizeText(job.bytes ?? 0)}）</span>
              } />
              {(job.warnings ?? []).map((w, i) => <Alert key={i} type="warning" showIcon title={w} />)}
              <Space wrap>
                <Button icon={<DownloadOutlined />} onClick={() => void download(job, saved.format).catch(showError)}>再次保存</Button>
                {saved.format === 'pdf' && <Button icon={<FolderOpenOutlined />} onClick={() => window.open(saved.url, '_blank')}>打开</Button>}
                {saved.format === 'pdf' && <Button icon={<PrinterOutlined />} onClick={() => printPdf(saved.url)}>打印</Button>}
              </Space>
            </div>
          )}
        </Card>
        <div className="pr-preview">
          <div className="pr-preview-head">
            <span>{preview ? `${preview.unit} · ${preview.period || info.title}` : ''}</span>
            <span>{previewNote}</span>
          </div>
          {previewError ? (
            <Alert type="error" showIcon title={previewError} />
          ) : preview ? (
            <Spin spinning={loadingPreview}>
              <Preview doc={preview.doc} note={previewNote} />
            </Spin>
          ) : loadingPreview ? (
            <Spin className="page-spin" />
          ) : (
            <Empty description="选择台帐后在这里预览" />
          )}
        </div>
      </div>
    </div>
  );
}
