// 责任书模板: a year's template per level (党支部; 社区党委/党总支) — copy last year's, or start from
// the default 五个好 — its title and opening text, the indicators with their live 100-point check,
// and 下达 to all or some orgs of that level.
import { CopyOutlined, FileAddOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Input, Modal, Radio, Segmented, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { IssueTarget, TemplateDetail, TemplateSummary } from '../../../shared/api/assessment';
import { CONTRACT_LEVELS, CONTRACT_LEVEL_LABELS, CONTRACT_LEVEL_UNITS, type ContractLevel } from '../../../shared/assessment';
import { ledger } from '../../api';
import { showError, showSuccess } from '../../feedback';
import { useLoad } from '../../hooks';
import { IndicatorTable, type IndicatorDraft, SumBar, fromDrafts, toDrafts } from './IndicatorTable';
import { useUnsavedChanges } from '../../unsaved';
import { goAssessment } from './format';

/** Which level's template is open: 党支部 or 社区党委/党总支. */
function LevelSwitch({ year, level }: { year: number; level: ContractLevel }) {
  return (
    <Segmented<ContractLevel>
      value={level} onChange={(v) => goAssessment({ year, level: v })} className="tpl-level" aria-label="责任书层级"
      options={CONTRACT_LEVELS.map((l) => ({ value: l, label: `${CONTRACT_LEVEL_LABELS[l]}责任书` }))}
    />
  );
}

export function TemplateEditor({ year, level, templates, onTemplatesChanged }: { year: number; level: ContractLevel; templates: TemplateSummary[]; onTemplatesChanged: () => void }) {
  const { data: template, loading, reload } = useLoad(() => ledger['assessment.template']({ year, level }), [year, level]);
  const [busy, setBusy] = useState(false);
  const previous = templates.filter((t) => t.year < year && t.level === level).sort((a, b) => b.year - a.year)[0];

  const create = async (copyFromYear: number | null) => {
    setBusy(true);
    try {
      await ledger['assessment.createTemplate']({ year, level, copyFromYear });
      showSuccess(copyFromYear ? `已复制 ${copyFromYear} 年度模板` : '已按默认“五个好”模板新建');
      onTemplatesChanged();
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (template === undefined) return <Spin className="page-spin" />;
  if (template === null) {
    return (
      <>
      <LevelSwitch year={year} level={level} />
      <Card className="tpl-empty">
        <Empty
          description={
            <>
              <div className="tpl-empty-title">{year} 年度还没有{CONTRACT_LEVEL_LABELS[level]}责任书模板</div>
              <div className="tpl-empty-hint">
                {level === 'branch'
                  ? '每年年初，街道党工委与各支部签订党建工作责任书。'
                  : '每年年初，街道党工委与各社区党委（党总支）签订社区党建工作目标责任书，系统计算的指标按下属各支部的台帐汇总。'}
                可以复制上一年度的模板再修改，也可以从默认的“五个好”模板开始。
              </div>
            </>
          }
        >
          <Space>
            {previous && (
              <Button type="primary" icon={<CopyOutlined />} loading={busy} onClick={() => create(previous.year)}>
                复制 {previous.year} 年度模板
              </Button>
            )}
            <Button icon={<FileAddOutlined />} loading={busy} onClick={() => create(null)} type={previous ? 'default' : 'primary'}>
              使用默认“五个好”模板
            </Button>
          </Space>
        </Empty>
      </Card>
      </>
    );
  }
  return (
    <>
      <LevelSwitch year={year} level={level} />
      <Editor key={template.id} template={template} loading={loading} onSaved={() => { reload(); onTemplatesChanged(); }} />
    </>
  );
}

function Editor({ template, loading, onSaved }: { template: TemplateDetail; loading: boolean; onSaved: () => void }) {
  const [title, setTitle] = useState(template.title);
  const [preamble, setPreamble] = useState(template.preamble ?? '');
  const [rows, setRows] = useState<IndicatorDraft[]>(() => toDrafts(template.indicators));
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty, '责任书模板的修改');
  const [saving, setSaving] = useState(false);
  const [issueOpen, setIssueOpen] = useState(false);
  const issued = template.contracts.filter((c) => !c.withdrawnAt);
  const outOfDate = issued.filter((c) => c.outOfDate).length;

  const edit = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setDirty(true);
  };

  const save = async (): Promise<boolean> => {
    setSaving(true);
    try {
      const saved = await ledger['assessment.saveTemplate']({ id: template.id, title, preamble: preamble || null, indicators: fromDrafts(rows) });
      showSuccess(saved.warning ? `已保存。${saved.warning}` : '模板已保存');
      // New lines now have ids: edit on from what was saved, or the next save would add them again.
      setRows(toDrafts(saved.indicators));
      setTitle(saved.title);
      setPreamble(saved.preamble ?? '');
      setDirty(false);
      onSaved();
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Spin spinning={loading}>
      <Card
        size="small" className="tpl-card"
        title={
          <Space size={8}>
            <span>{template.year} 年度{CONTRACT_LEVEL_LABELS[template.level]}责任书模板</span>
            {template.copiedFromYear && <Tag>复制自 {template.copiedFromYear} 年度</Tag>}
            {dirty && <Tag color="warning">未保存</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<SaveOutlined />} type={dirty ? 'primary' : 'default'} loading={saving} disabled={!dirty} onClick={save}>保存</Button>
            <Button
              icon={<SendOutlined />} type={dirty ? 'default' : 'primary'}
              onClick={async () => { if (!dirty || (await save())) setIssueOpen(true); }}
            >
              下达责任书
            </Button>
          </Space>
        }
      >
        <div className="tpl-head">
          <label className="tpl-label" htmlFor="tpl-title">标题</label>
          <Input id="tpl-title" value={title} onChange={(e) => edit(setTitle)(e.target.value)} maxLength={60} className="tpl-title" />
          <span className="tpl-issued">
            已下达 <b>{issued.length}</b> 个{CONTRACT_LEVEL_UNITS[template.level]}
            {outOfDate > 0 && <Tag color="gold" className="tpl-stale">{outOfDate} 份待同步</Tag>}
          </span>
        </div>
        <div className="tpl-head">
          <label className="tpl-label" htmlFor="tpl-preamble">正文</label>
          <Input.TextArea id="tpl-preamble" value={preamble} onChange={(e) => edit(setPreamble)(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="责任书开头的说明文字" />
        </div>
        <SumBar rows={rows} />
        <IndicatorTable rows={rows} onChange={edit(setRows)} />
      </Card>
      {issueOpen && <IssueDialog template={template} onClose={() => setIssueOpen(false)} onDone={() => { setIssueOpen(false); onSaved(); }} />}
    </Spin>
  );
}

function IssueDialog({ template, onClose, onDone }: { template: TemplateDetail; onClose: () => void; onDone: () => void }) {
  const [targets, setTargets] = useState<IssueTarget[]>();
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<number[]>([]);
  const [refresh, setRefresh] = useState(false);
  const [date, setDate] = useState(() => (template.year === dayjs().year() ? dayjs() : dayjs(`${template.year}-01-15`)));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ledger['assessment.issueTargets']({ year: template.year, level: template.level }).then((t) => {
      setTargets(t);
      setChosen(t.filter((x) => x.contractId === null || x.withdrawn).map((x) => x.orgId));
    }).catch(showError);
  }, [template.year, template.level]);
  const unit = CONTRACT_LEVEL_UNITS[template.level];

  const fresh = useMemo(() => (targets ?? []).filter((t) => t.contractId === null || t.withdrawn), [targets]);

  const submit = async () => {
    setBusy(true);
    try {
      const r = await ledger['assessment.issue']({
        templateId: template.id, orgIds: scope === 'all' ? null : chosen, issuedOn: date.format('YYYY-MM-DD'), refresh,
      });
      const parts = [
        r.issued.length && `下达 ${r.issued.length} 个${unit}`,
        r.refreshed.length && `同步 ${r.refreshed.length} 个${unit}`,
        r.skipped.length && `${r.skipped.length} 个${unit}无需处理`,
      ].filter(Boolean);
      showSuccess(parts.length ? parts.join('，') : `没有需要下达的${unit}`);
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open title={`下达 ${template.year} 年度${CONTRACT_LEVEL_LABELS[template.level]}责任书`} onCancel={onClose} onOk={submit} okText="下达" cancelText="取消"
      confirmLoading={busy} okButtonProps={{ disabled: scope === 'some' && chosen.length === 0 }} width={560} destroyOnHidden
    >
      {!targets ? <Spin /> : (
        <div className="issue">
          {template.warning && <Alert type="warning" showIcon title={`${template.warning}。仍可下达，但建议先调整。`} className="issue-alert" />}
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)} className="issue-scope">
            <Radio value="all">全部{unit}（{targets.length} 个，其中 {fresh.length} 个尚未下达）</Radio>
            <Radio value="some">选择{unit}</Radio>
          </Radio.Group>
          {scope === 'some' && (
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as number[])} className="issue-list">
              {targets.map((t) => (
                <Checkbox key={t.orgId} value={t.orgId}>
                  {t.org}
                  {t.contractId !== null && !t.withdrawn && <Typography.Text type="secondary" className="issue-done">已下达</Typography.Text>}
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
          <div className="issue-row">
            <span>下达日期</span>
            <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
          </div>
          <Checkbox checked={refresh} onChange={(e) => setRefresh(e.target.checked)}>
            已下达的责任书同步为当前模板（保留各{unit}单独调整的指标；已确认考核的不变）
          </Checkbox>
        </div>
      )}
    </Modal>
  );
}

