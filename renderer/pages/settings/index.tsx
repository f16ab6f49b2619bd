// 设置: users and passwords, the recovery key, the idle lock, and the audit log.
import { KeyOutlined, LockOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { UserInfo } from '../../../shared/api/users';
import { ApiError, ledger } from '../../api';
import { confirmAction, showError, showSuccess } from '../../feedback';
import { cnTime } from '../../format';
import { useLoad, useSubmit } from '../../hooks';
import { auditLines, ENTITY_LABELS } from '../../labels';
import { useOrgs } from '../../org-context';
import { useLocation, navigate } from '../../router';
import { RecoveryKeyBox } from '../../screens/FirstRun';
import { useSession } from '../../session';
import './settings.css';
import BackupsPanel from './BackupsPanel';
import UnifySpellings from '../import/UnifySpellings';

export default function SettingsPage() {
  const { segments } = useLocation();
  const tab = segments[1] ?? 'users';
  return (
    <div>
      <div className="page-header">
        <Typography.Title level={4}>设置</Typography.Title>
      </div>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(`/settings/${k}`, { replace: true })}
          items={[
            { key: 'users', label: '用户与密码', children: <Users /> },
            { key: 'recovery', label: '恢复密钥', children: <Recovery /> },
            { key: 'lock', label: '自动锁定', children: <IdleLock /> },
            { key: 'backups', label: '备份与恢复', children: <BackupsPanel /> },
            { key: 'audit', label: '操作日志', children: <AuditLog /> },
            { key: 'tidy', label: '数据整理', children: <UnifySpellings /> },
          ]}
        />
      </Card>
    </div>
  );
}

const passwordRules = [{ required: true, message: '请输入密码' }, { min: 8, message: '密码至少需要 8 个字符' }];
const confirmRule = (field: string) => ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
  validator: (_r: unknown, v: string) => (v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
});

function PasswordDialog({ user, onClose }: { user: UserInfo | null; onClose: () => void }) {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const { submit: save, busy } = useSubmit(form, async (v) => {
    try {
      await ledger['users.changePassword']({ userId: user!.isMe ? undefined : user!.id, currentPassword: v.currentPassword, newPassword: v.newPassword });
    } catch (e) {
      // A wrong current password or a refused new one: under the field it concerns.
      if (!(e instanceof ApiError)) throw e;
      form.setFields([{ name: e.code === 'WRONG_PASSWORD' || e.code === 'TOO_MANY_ATTEMPTS' ? 'currentPassword' : 'newPassword', errors: [e.message] }]);
      return;
    }
    showSuccess('密码已修改');
    onClose();
  });
  return (
    <Modal title={user?.isMe ? '修改我的密码' : `重设“${user?.name}”的密码`} open={user !== null} onCancel={onClose} onOk={() => void save()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item label={user?.isMe ? '现在的密码' : '你自己的密码（确认是管理员本人）'} name="currentPassword" rules={[{ required: true, message: '请输入你现在的密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="再次输入新密码" name="confirm" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

function Users() {
  const { status } = useSession();
  const isAdmin = status?.user?.role === 'admin';
  const { data, loading, reload } = useLoad(() => ledger['users.list']({}), []);
  const [pwFor, setPwFor] = useState<UserInfo | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string; role: 'admin' | 'clerk'; password: string; confirm: string }>();
  // USER_EXISTS names its field (name); the password policy's refusal is shown as a message.
  const { submit: add, busy } = useSubmit(form, async (v) => {
    await ledger['users.add']({ name: v.name, role: v.role, password: v.password });
    showSuccess(`已添加用户“${v.name}”`);
    setAdding(false);
    reload();
  });

  const disable = async (u: UserInfo) => {
    if (!(await confirmAction({ title: `停用用户“${u.name}”？`, content: `停用后这个用户的密码不能再打开台帐；历史操作记录保留。台帐会换用新的数据密钥重新加密，并立即做一次备份：${ROTATION_NOTE}`, okText: '停用', danger: true }))) return;
    try {
      await ledger['users.disable']({ id: u.id });
      showSuccess('已停用');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Space className="block-gap">
        <Button icon={<LockOutlined />} onClick={() => setPwFor(data?.find((u) => u.isMe) ?? null)}>修改我的密码</Button>
        {isAdmin && <Button type="primary" icon={<UserAddOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ role: 'clerk' }); setAdding(true); }}>添加用户</Button>}
      </Space>
      <Table<UserInfo>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={data}
        columns={[
          { title: '用户名', dataIndex: 'name', render: (v, u) => <>{v} {u.isMe && <Tag color="blue">我</Tag>}</> },
          { title: '角色', dataIndex: 'role', width: 100, render: (r) => (r === 'admin' ? '管理员' : '工作人员') },
          { title: '创建时间', dataIndex: 'createdAt', width: 160, render: cnTime },
          { title: '状态', dataIndex: 'disabledAt', width: 160, render: (v) => (v ? <Tag>已于 {cnTime(v).slice(0, 10)} 停用</Tag> : <Tag color="green">使用中</Tag>) },
          {
            title: '', key: 'a', width: 180,
            render: (_v, u) => !u.disabledAt && isAdmin && !u.isMe && (
              <Space>
                <a onClick={() => setPwFor(u)}>重设密码</a>
                <a className="danger-link" onClick={() => void disable(u)}>停用</a>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="hint">
        每个用户用自己的密码打开台帐，操作日志记下是谁做的。两个用户不能使用相同的密码。
      </Typography.Paragraph>
      <PasswordDialog user={pwFor} onClose={() => setPwFor(null)} />
      <Modal title="添加用户" open={adding} onCancel={() => setAdding(false)} onOk={() => void add()} okText="添加" cancelText="取消" okButtonProps={{ loading: busy }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={() => void add()}>
          <Form.Item label="用户名" name="name" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
            <Input autoFocus maxLength={20} />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Radio.Group options={[{ value: 'clerk', label: '工作人员' }, { value: 'admin', label: '管理员（可管理用户）' }]} />
          </Form.Item>
          <Form.Item label="初始密码" name="password" rules={passwordRules}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="再次输入密码" name="confirm" dependencies={['password']} rules={[{ required: true, message: '请再次输入密码' }, confirmRule('password')]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      </Modal>
    </>
  );
}

function Recovery() {
  const { status } = useSession();
  const [key, setKey] = useState<string | null>(null);
  const renew = async () => {
    if (!(await confirmAction({ title: '重新生成恢复密钥？', content: `新的恢复密钥生成后，原来打印或保存的恢复密钥立即作废，台帐换用新的数据密钥并立即备份。${ROTATION_NOTE}`, okText: '重新生成', danger: true }))) return;
    try {
      setKey((await ledger['users.newRecoveryKey']({})).recoveryKey);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="narrow">
      <Typography.Paragraph>
        忘记密码时，用恢复密钥可以重设管理员密码。如果恢复密钥丢失或可能被别人看到，请重新生成，并妥善保存新的恢复密钥。
      </Typography.Paragraph>
      {key ? (
        <>
          <Alert type="warning" showIcon title="新的恢复密钥只显示这一次，请立即打印或抄写，放在安全的地方。" />
          <RecoveryKeyBox value={key} />
          <Space>
            <Button onClick={() => window.print()}>打印</Button>
            <Typography.Text copyable={{ text: key, tooltips: ['复制', '已复制'] }}>复制</Typography.Text>
            <Button type="primary" onClick={() => setKey(null)}>我已保存</Button>
          </Space>
        </>
      ) : (
        <Button icon={<KeyOutlined />} danger disabled={status?.user?.role !== 'admin'} onClick={() => void renew()}>
          重新生成恢复密钥
        </Button>
      )}
      {status?.user?.role !== 'admin' && <Typography.Paragraph type="secondary" className="hint">只有管理员可以重新生成恢复密钥。</Typography.Paragraph>}
      <RotateDataKey isAdmin={status?.user?.role === 'admin'} />
    </div>
  );
}

/** What a new data key means for backups: said in every dialog that changes it, and in the README. */
const ROTATION_NOTE = '以前的备份仍然只能用当时的密码或恢复密钥打开，也只包含当时的数据；以后的台帐和备份，旧密码、已停用的用户和作废的恢复密钥都打不开。';

function RotateDataKey({ isAdmin }: { isAdmin: boolean }) {
  const rotate = async () => {
    if (!(await confirmAction({ title: '更换数据密钥？', content: `台帐将用新的数据密钥重新加密（几秒钟），所有用户的密码和恢复密钥照常可用，完成后立即备份。${ROTATION_NOTE}`, okText: '更换', danger: true }))) return;
    try {
      const { backup } = await ledger['users.rotateDataKey']({});
      showSuccess(`已更换数据密钥，并备份为 ${backup}`);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Typography.Paragraph className="hint">
        怀疑密码、恢复密钥或备份文件落到了别人手里时，可以更换数据密钥：停用用户、用恢复密钥重设密码、重新生成恢复密钥时也会自动更换。
      </Typography.Paragraph>
      <Button icon={<KeyOutlined />} danger disabled={!isAdmin} onClick={() => void rotate()}>
        更换数据密钥
      </Button>
    </>
  );
}

function IdleLock() {
  const { data, reload } = useLoad(() => ledger['users.preferences']({}), []);
  const { refresh } = useSession();
  const [minutes, setMinutes] = useState<number | null>(null);
  const value = minutes ?? data?.idleLockMinutes ?? 15;
  const save = async () => {
    try {
      await ledger['users.setIdleLock']({ minutes: value });
      showSuccess(value ? `已设置：空闲 ${value} 分钟后自动锁定` : '已关闭自动锁定');
      setMinutes(null);
      reload();
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="narrow">
      <Typography.Paragraph>离开电脑时台帐会自动锁定，需要重新输入密码，防止别人看到党员信息。也可以随时点右上角“锁定”。</Typography.Paragraph>
      <Space align="center">
        空闲
        <InputNumber min={0} max={240} value={value} onChange={(v) => setMinutes(v ?? 0)} aria-label="空闲分钟数" style={{ width: 96 }} />
        分钟后自动锁定（0 为不自动锁定）
        <Button type="primary" onClick={() => void save()} disabled={minutes === null || minutes === data?.idleLockMinutes}>保存</Button>
      </Space>
    </div>
  );
}

function AuditLog() {
  const [q, setQ] = useState('');
  const [entity, setEntity] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const { data, loading } = useLoad(
    () => ledger['audit.search']({ q, entity, from: range?.[0]?.startOf('day').toISOString() ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null, limit: pageSize, offset: (page - 1) * pageSize }),
    [q, entity, range, page],
  );
  const { data: entities } = useLoad(() => ledger['audit.entities']({}), []);
  const { byId } = useOrgs();
  const orgName = (id: number) => byId.get(id)?.name;
  return (
    <>
      <Space className="block-gap" wrap>
        <Input.Search allowClear placeholder="搜索：姓名、组织、操作人…" aria-label="搜索操作日志" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 340 }} enterButton="搜索" />
        <Select allowClear placeholder="对象" style={{ width: 140 }} value={entity} onChange={(v) => { setEntity(v ?? null); setPage(1); }} options={(entities ?? []).map((e) => ({ value: e.entity, label: `${ENTITY_LABELS[e.entity] ?? e.entity}（${e.n}）` }))} />
        <DatePicker.RangePicker value={range} onChange={(v) => { setRange(v as [Dayjs | null, Dayjs | null] | null); setPage(1); }} />
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        expandable={{
          rowExpandable: (r) => Boolean(r.before || r.after),
          expandedRowRender: (r) => {
            const lines = auditLines(r.before, r.after, orgName);
            return (
              <div className="audit-json">
                {lines.changes.map((l, i) => <div key={i}>{l}</div>)}
                {lines.before.length > 0 && <div><b>变更前：</b>{lines.before.join('；')}</div>}
                {lines.after.length > 0 && <div><b>{lines.before.length ? '变更后：' : '内容：'}</b>{lines.after.join('；')}</div>}
              </div>
            );
          },
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: cnTime },
          { title: '操作人', dataIndex: 'userName', width: 120, render: (v) => v ?? '—' },
          { title: '对象', dataIndex: 'entity', width: 110, render: (v: string) => ENTITY_LABELS[v] ?? v },
          { title: '内容', dataIndex: 'summary', render: (v) => v ?? '—' },
        ]}
      />
    </>
  );
}
