// 设置 → 备份与恢复: the backups of this ledger, backing up now, restoring one after showing what it
// holds, and how many automatic backups to keep (and where the second copy goes).
import { CloudDownloadOutlined, FolderOpenOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Form, Input, InputNumber, Modal, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { BackupDetail, BackupKindName, BackupRow, BackupSettingsView } from '../../../shared/api/backups';
import { ApiError, ledger } from '../../api';
import { errorText, showError, showSuccess } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { useSession } from '../../session';
import './backups.css';
import { fileSize, saveBytes } from '../../download';

const KIND: Record<BackupKindName, { label: string; color?: string }> = {
  auto: { label: '自动' },
  manual: { label: '手动', color: 'blue' },
  beforeRestore: { label: '恢复前', color: 'orange' },
};

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const count = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('zh-CN'));

export default function BackupsPanel() {
  const { status } = useSession();
  const isAdmin = status?.user?.role === 'admin';
  const { data, loading, reload } = useLoad(() => ledger['backups.list']({}), []);
  const [busy, setBusy] = useState<'now' | 'file' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupRow | null>(null);

  const run = async (which: 'now' | 'file') => {
    setBusy(which);
    setDone(null);
    try {
      if (which === 'now') {
        const row = await ledger['backups.create']({});
        setDone(`已备份：${row.fileName}`);
      } else if (data?.canChooseFile) {
        const r = await ledger['backups.saveAs']({});
        if (r) setDone(`已备份到：${r.path}`);
      } else {
        const r = await ledger['backups.download']({});
        saveBytes(r.data as BlobPart, r.fileName);
        setDone(`已下载备份：${r.fileName}（备份文件夹里也保留了这一份）`);
      }
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const rows = data?.rows ?? [];
  const twoPlaces = rows.some((r) => r.place === 'second');
  return (
    <div className="backups">
      <Space className="block-gap" wrap>
        <Button type="primary" icon={<SaveOutlined />} loading={busy === 'now'} disabled={busy !== null} onClick={() => void run('now')}>
          立即备份
        </Button>
        <Button icon={data?.canChooseFile ? <FolderOpenOutlined /> : <CloudDownloadOutlined />} loading={busy === 'file'} disabled={busy !== null || !data} onClick={() => void run('file')}>
          {data?.canChooseFile ? '备份到…' : '下载备份'}
        </Button>
        <Button type="text" icon={<ReloadOutlined />} onClick={reload} aria-label="刷新备份列表">刷新</Button>
      </Space>
      {done && <Alert className="block-gap" type="success" showIcon closable onClose={() => setDone(null)} title={done} />}
      {data?.secondFolder && !data.secondFolderAvailable && (
        <Alert className="block-gap" type="warning" showIcon title={`第二备份位置「${data.secondFolder}」现在不可用（U盘是否已插好？）。插好后，下次自动备份会复制过去。`} />
      )}
      <Table<BackupRow>
        size="small"
        rowKey={(r) => `${r.place}/${r.fileName}`}
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 份备份` } : false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有备份。点上面的「立即备份」做第一份；以后每天第一次解锁和每次锁定（有修改时）会自动备份。" />
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => <span className="backup-time">{when(v)}</span> },
          { title: '类型', dataIndex: 'kind', width: 80, render: (k: BackupKindName) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag> },
          ...(twoPlaces ? [{ title: '位置', dataIndex: 'place', width: 110, render: (p: string) => (p === 'second' ? '第二备份位置' : '数据文件夹') }] : []),
          { title: '大小', dataIndex: 'bytes', width: 90, align: 'right' as const, render: fileSize },
          { title: '党员', key: 'members', width: 80, align: 'right' as const, render: (_v, r) => count(r.counts?.members) },
          { title: '组织', key: 'orgs', width: 80, align: 'right' as const, render: (_v, r) => count(r.counts?.orgs) },
          { title: '活动', key: 'activities', width: 80, align: 'right' as const, render: (_v, r) => count(r.counts?.activities) },
          { title: '文件名', dataIndex: 'fileName', ellipsis: true, render: (v: string, r) => <Tooltip title={`位于「${r.folder}」`}><span className="backup-file">{v}</span></Tooltip> },
          {
            title: '', key: 'a', width: 72,
            render: (_v, r) =>
              !r.counts ? (
                <Tooltip title="用现在的密钥读不出这份备份的内容，不能在这里恢复。"><Typography.Text type="secondary">无法读取</Typography.Text></Tooltip>
              ) : isAdmin ? (
                <a onClick={() => setRestoring(r)}>恢复</a>
              ) : (
                <Tooltip title="只有管理员可以从备份恢复。"><Typography.Text type="secondary">恢复</Typography.Text></Tooltip>
              ),
          },
        ]}
      />
      {data && (
        <Typography.Paragraph type="secondary" className="hint">
          备份保存在「{data.dataFolder}」，和台帐一样加密，要用台帐的密码或恢复密钥才能打开。手动备份不会被自动删除。
        </Typography.Paragraph>
      )}
      <BackupSettings isAdmin={isAdmin} onSaved={reload} />
      <RestoreDialog row={restoring} onClose={() => setRestoring(null)} onRestored={reload} />
    </div>
  );
}

function RestoreDialog({ row, onClose, onRestored }: { row: BackupRow | null; onClose: () => void; onRestored: () => void }) {
  const { setStatus } = useSession();
  const orgs = useOrgs();
  const { modal } = App.useApp();
  const [detail, setDetail] = useState<BackupDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();

  useEffect(() => {
    setDetail(null);
    setProblem(null);
    if (!row) return;
    let live = true;
    ledger['backups.inspect']({ place: row.place, fileName: row.fileName })
      .then((d) => live && setDetail(d))
      .catch((e) => live && setProblem(errorText(e)));
    return () => {
      live = false;
    };
  }, [row]);

  const restore = async () => {
    const v = row && detail ? await form.validateFields().catch(() => null) : null;
    if (!row || !detail || !v) return;
    setBusy(true);
    try {
      const out = await ledger['backups.restore']({ place: row.place, fileName: row.fileName, password: v.password });
      onClose();
      const kept = out.previousBackup ? `恢复前的台帐已保留为备份「${out.previousBackup}」，需要时可以从列表里再恢复回来。` : '';
      if (out.notice) {
        modal.info({ title: '已从备份恢复', content: `${kept}${out.notice}`, okText: '知道了' });
      } else {
        showSuccess(`已恢复到 ${when(detail.createdAt)} 的备份`);
        modal.success({ title: `台帐已恢复到 ${when(detail.createdAt)} 的备份`, content: kept, okText: '知道了' });
        void orgs.reload();
        onRestored();
      }
      setStatus(out.status);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WRONG_PASSWORD') form.setFields([{ name: 'password', errors: [e.message] }]);
      else setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const s = detail?.stats;
  return (
    <Modal
      title="从备份恢复台帐"
      open={row !== null}
      onCancel={onClose}
      onOk={() => void restore()}
      okText="恢复"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy, disabled: !detail }}
      width={560}
      destroyOnHidden
      afterOpenChange={(open) => open || form.resetFields()}
    >
      {problem && <Alert type="error" showIcon title={problem} className="block-gap" />}
      {!detail && !problem && (
        <div className="backup-checking">
          <Spin size="small" /> 正在检查这份备份…
        </div>
      )}
      {detail && s && (
        <>
          <Descriptions size="small" column={2} bordered className="block-gap" items={[
            { key: 't', label: '备份时间', children: when(detail.createdAt), span: 2 },
            { key: 'k', label: '类型', children: KIND[detail.kind].label },
            { key: 'b', label: '备份人', children: detail.createdBy ?? '—' },
            { key: 'm', label: '党员', children: count(s.members) },
            { key: 'o', label: '党组织', children: `${count(s.orgs)}（其中党支部 ${count(s.branches)}）` },
            { key: 'a', label: '活动', children: count(s.activities) },
            { key: 'u', label: '用户', children: count(s.users) },
          ]} />
          <Alert
            type="warning"
            showIcon
            className="block-gap"
            title="恢复后，台帐回到这份备份时的样子；这之后所做的修改不在恢复后的台帐里。"
            description="恢复前，现在的台帐会先自动保留为一份「恢复前」备份，恢复错了可以从列表里再恢复回来。"
          />
          <Form form={form} layout="vertical" onFinish={() => void restore()}>
            <Form.Item label="请输入您的密码以确认" name="password" rules={[{ required: true, message: '请输入您的密码' }]} extra="恢复完成后用这个密码重新打开台帐。">
              <Input.Password autoFocus autoComplete="current-password" />
            </Form.Item>
            <button type="submit" hidden />
          </Form>
        </>
      )}
    </Modal>
  );
}

function BackupSettings({ isAdmin, onSaved }: { isAdmin: boolean; onSaved: () => void }) {
  const { data, reload } = useLoad(() => ledger['backups.settings']({}), []);
  const [form] = Form.useForm<{ keepDaily: number; keepMonthly: number; secondDir: string }>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (data) form.setFieldsValue({ keepDaily: data.keepDaily, keepMonthly: data.keepMonthly, secondDir: data.secondDir ?? '' });
    setDirty(false);
  }, [data, form]);

  const save = async (v: { keepDaily: number; keepMonthly: number; secondDir: string }) => {
    setBusy(true);
    try {
      const saved: BackupSettingsView = await ledger['backups.saveSettings']({ keepDaily: v.keepDaily, keepMonthly: v.keepMonthly, secondDir: v.secondDir || null });
      showSuccess(saved.secondDir ? `已保存：自动备份还会复制到「${saved.secondDir}」` : '已保存备份设置');
      reload();
      onSaved();
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors : {};
      const known = Object.entries(fields).filter(([k]) => ['keepDaily', 'keepMonthly', 'secondDir'].includes(k));
      if (known.length) form.setFields(known.map(([name, msg]) => ({ name: name as 'secondDir', errors: [msg] })));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-settings">
      <Typography.Title level={5}>自动备份</Typography.Title>
      <Typography.Paragraph type="secondary">
        每天第一次解锁时、以及每次锁定或关闭（有修改时）自动备份。旧的自动备份只保留最近每天一份和每月一份，按下面的设置清理。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!isAdmin || !data} onFinish={(v) => void save(v)} onValuesChange={() => setDirty(true)} className="narrow">
        <Space size="large" align="start">
          <Form.Item label="每日备份保留天数" name="keepDaily" rules={[{ required: true, message: '请填写保留天数' }]}>
            <InputNumber min={1} max={366} precision={0} suffix="天" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="每月备份保留月数" name="keepMonthly" rules={[{ required: true, message: '请填写保留月数' }]}>
            <InputNumber min={0} max={120} precision={0} suffix="个月" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Form.Item label="第二备份位置" name="secondDir" extra="每份自动备份再复制一份到这里（例如U盘上的文件夹），防止电脑损坏时备份一起丢失。留空则不复制。">
          <Input placeholder="例如 E:\台帐备份" allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty}>保存设置</Button>
      </Form>
      {!isAdmin && <Typography.Paragraph type="secondary" className="hint">只有管理员可以修改备份设置和从备份恢复。</Typography.Paragraph>}
    </div>
  );
}
