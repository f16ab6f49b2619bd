// 导入花名册: choose a file → check the recognised sheets and columns (change any by hand) →
// preview every row with its errors and warnings → write the valid rows or cancel → result, with
// 导出错误行. The file is parsed in a worker thread of the main process; the bar follows it.
import { ArrowLeftOutlined, ArrowRightOutlined, DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Steps, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportField, ImportPreview, ImportProgress, ImportResult, ImportSheet } from '../../../shared/api/import';
import { attempt, confirmAction, errorText, showSuccess } from '../../feedback';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { ChooseFile } from './ChooseFile';
import { type BranchOptions, Columns } from './Columns';
import { type Mapping, analyse, commit, discard, downloadRejects, newJobId, sheetKey } from './job';
import { Preview } from './Preview';
import { ResultView } from './ResultView';
import './import.css';

type Stage = 'choose' | 'columns' | 'preview' | 'result';
const STEP_OF: Record<Stage, number> = { choose: 0, columns: 1, preview: 2, result: 3 };
const BRANCH_TYPES = new Set(['branch', 'jointBranch', 'temporaryBranch']);

function progressText(p: ImportProgress | null, fallback: string): string {
  if (!p) return fallback;
  if (p.phase === 'reading') return '正在读取文件…';
  if (p.phase === 'checking') return p.total ? `正在检查：第 ${p.done} / ${p.total} 行` : '正在检查…';
  if (p.phase === 'writing') return p.total ? `正在写入台帐：${p.done} / ${p.total} 人` : '正在写入台帐…';
  return fallback;
}

export default function ImportPage() {
  const { orgs, reload } = useOrgs();
  const [stage, setStage] = useState<Stage>('choose');
  const [jobId, setJobId] = useState(newJobId);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [options, setOptions] = useState<BranchOptions>({ createOrgs: false, org: null });
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [exporting, setExporting] = useState(false);

  // Leaving the page forgets the file in the main process too.
  const jobRef = useRef(jobId);
  jobRef.current = jobId;
  useEffect(() => () => discard(jobRef.current), []);

  // Each step starts at its top (the content area scrolls, not the window).
  useEffect(() => {
    document.querySelector('.shell-content')?.scrollTo({ top: 0 });
  }, [stage]);

  const branches = useMemo(() => orgs.filter((o) => BRANCH_TYPES.has(o.type)).map((o) => ({ value: o.name, label: o.name })), [orgs]);

  async function run<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(label);
    setProgress(null);
    setFailure(null);
    try {
      return await fn();
    } catch (e) {
      setFailure(errorText(e));
      return undefined;
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function onFile(file: File) {
    discard(jobId);
    const id = newJobId();
    setJobId(id);
    setMapping({});
    setPreview(null);
    setResult(null);
    // 自动新建 is a choice about one file: the next file starts without it.
    const fresh = { ...options, createOrgs: false };
    setOptions(fresh);
    const p = await run('正在读取文件…', () => analyse(id, { file, org: fresh.org, createOrgs: fresh.createOrgs }, setProgress));
    if (p) {
      setPreview(p);
      setStage('columns');
    }
  }

  async function reanalyse(nextMapping: Mapping, nextOptions: BranchOptions) {
    const p = await run('正在重新检查…', () => analyse(jobId, { mapping: nextMapping, org: nextOptions.org, createOrgs: nextOptions.createOrgs }, setProgress));
    if (p) setPreview(p);
  }

  function onMap(sheet: ImportSheet, column: number, field: ImportField | null) {
    const key = sheetKey(sheet.name);
    const next: Mapping = { ...mapping, [key]: { ...(mapping[key] ?? {}), [String(column)]: field } };
    setMapping(next);
    void reanalyse(next, options);
  }

  function onOptions(next: BranchOptions) {
    setOptions(next);
    void reanalyse(mapping, next);
  }

  async function onCommit() {
    if (!preview) return;
    const { counts } = preview;
    const ok = await confirmAction({
      title: counts.rejected > 0 ? `只导入没有错误的 ${counts.valid} 行？` : `导入这 ${counts.valid} 行？`,
      content: (
        <div>
          <p>
            将新增 {counts.created} 名党员，更新 {counts.updated} 名党员的信息{counts.unchanged ? `，${counts.unchanged} 人信息无变化` : ''}。
            {preview.orgsToCreate.length > 0 && ` 将新建党支部：${preview.orgsToCreate.join('、')}。`}
          </p>
          {counts.rejected > 0 && <p>有错误的 {counts.rejected} 行不会导入；导入后可以“导出错误行”，改正后再导入。</p>}
          <p>全部内容一次写入：中途出错时，台帐保持导入前的样子。</p>
        </div>
      ),
      okText: '导入',
    });
    if (!ok) return;
    const r = await run('正在写入台帐…', () => commit(jobId, counts.rejected > 0, setProgress));
    if (r) {
      setResult(r);
      setStage('result');
      if (r.orgsCreated.length > 0) void reload();
    }
  }

  async function onRejects() {
    setExporting(true);
    const name = await attempt(() => downloadRejects(jobId));
    setExporting(false);
    if (name) showSuccess(`已导出“${name}”`);
  }

  async function onCancel() {
    if (!(await confirmAction({ title: '取消这次导入？', content: '不会写入任何内容。', okText: '取消导入' }))) return;
    restart();
  }

  function restart() {
    discard(jobId);
    setJobId(newJobId());
    setPreview(null);
    setResult(null);
    setMapping({});
    setFailure(null);
    setStage('choose');
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : undefined;

  return (
    <div className="imp-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>导入党员花名册</Typography.Title>
          {preview && stage !== 'choose' && <span className="page-subtitle">{preview.file}</span>}
        </Space>
        <Steps
          className="imp-steps"
          size="small"
          current={STEP_OF[stage]}
          items={[{ title: '选择文件' }, { title: '核对表头' }, { title: '检查预览' }, { title: '导入结果' }]}
        />
      </div>

      {failure && <Alert className="imp-failure" type="error" showIcon title={failure} closable onClose={() => setFailure(null)} />}

      {busy && (
        <Card className="imp-progress" size="small">
          <div className="imp-progress-text">{progressText(progress, busy)}</div>
          <Progress percent={percent ?? (progress?.phase === 'done' ? 100 : 0)} status="active" showInfo={percent !== undefined} aria-label="导入进度" />
        </Card>
      )}

      {stage === 'choose' && <ChooseFile onFile={(f) => void onFile(f)} disabled={busy !== null} />}

      {stage === 'columns' && preview && (
        <>
          <Columns preview={preview} branches={branches} options={options} busy={busy !== null} onMap={onMap} onOptions={onOptions} />
          <div className="imp-actions">
            <Button icon={<ArrowLeftOutlined />} onClick={restart} disabled={busy !== null}>重新选择文件</Button>
            <Button type="primary" onClick={() => setStage('preview')} disabled={busy !== null || preview.fileErrors.length > 0}>
              下一步：检查预览 <ArrowRightOutlined />
            </Button>
          </div>
        </>
      )}

      {stage === 'preview' && preview && (
        <>
          <Preview preview={preview} />
          <div className="imp-actions">
            <Button icon={<ArrowLeftOutlined />} onClick={() => setStage('columns')} disabled={busy !== null}>上一步：核对表头</Button>
            <Space>
              <Button onClick={() => void onCancel()} disabled={busy !== null}>取消导入</Button>
              {preview.counts.rejected > 0 && (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onRejects()} disabled={busy !== null}>导出错误行</Button>
              )}
              <Button type="primary" icon={<ImportOutlined />} disabled={busy !== null || preview.counts.valid === 0} onClick={() => void onCommit()}>
                {preview.counts.rejected > 0 ? `只导入没有错误的 ${preview.counts.valid} 行` : `导入 ${preview.counts.valid} 行`}
              </Button>
            </Space>
          </div>
        </>
      )}

      {stage === 'result' && result && (
        <ResultView result={result} exporting={exporting} onRejects={() => void onRejects()} onAgain={restart} onMembers={() => navigate('/members')} />
      )}
    </div>
  );
}
