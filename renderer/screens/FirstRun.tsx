// First run: no ledger yet. Create one (and keep its recovery key), open an existing file, or
// look around the demo street first.
import { DownloadOutlined, ExperimentOutlined, FolderOpenOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SessionStatus } from '../../shared/api/session';
import { ledger } from '../api';
import { attempt, errorText } from '../feedback';
import { useSession } from '../session';
import { shellBridge } from '../shell-bridge';
import { saveBytes } from '../download';

type Created = { status: SessionStatus; recoveryKey: string };

export function FirstRunScreen() {
  const { refresh, setStatus } = useSession();
  const [step, setStep] = useState<'choose' | 'create'>('choose');
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const create = async (v: { userName: string; password: string }) => {
    setBusy(true);
    try {
      setCreated(await ledger['session.create']({ userName: v.userName, password: v.password }));
    } catch (e) {
      form.setFields([{ name: 'password', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  if (created) return <RecoveryKeyStep created={created} onDone={() => setStatus(created.status)} />;

  return (
    <div className="gate">
      <Card className="gate-card gate-card-wide" variant="borderless">
        <div className="gate-title">
          <span className="shell-logo" aria-hidden>
            党
          </span>
          <Typography.Title level={3}>欢迎使用党建台帐</Typography.Title>
        </div>
        {step === 'choose' ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">
              台帐保存在这台电脑上，并用密码加密。第一次使用，请选择：
            </Typography.Paragraph>
            <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setStep('create')}>
              新建台帐
            </Button>
            {shellBridge && (
              <>
                <Button size="large" block icon={<FolderOpenOutlined />} onClick={() => void attempt(async () => (await shellBridge!.openExisting()) && refresh())}>
                  打开已有的台帐文件…
                </Button>
                <Button size="large" block icon={<ExperimentOutlined />} onClick={() => void attempt(async () => (await shellBridge!.openDemo()) && refresh())}>
                  先看看演示街道
                </Button>
              </>
            )}
          </Space>
        ) : (
          <Form form={form} layout="vertical" onFinish={create} initialValues={{ userName: '管理员' }} requiredMark={false}>
            <Form.Item label="您的称呼（管理员账户）" name="userName" rules={[{ required: true, message: '请填写称呼' }]}>
              <Input maxLength={20} autoFocus />
            </Form.Item>
            <Form.Item
              label="设置密码"
              name="password"
              extra="至少 8 个字符。每天打开台帐时需要输入。"
              rules={[{ required: true, message: '请设置密码' }, { min: 8, message: '密码至少需要 8 个字符' }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="再次输入密码"
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                创建台帐
              </Button>
              <Button onClick={() => setStep('choose')}>返回</Button>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}

/** Two lines of four groups: easy to read aloud and to copy onto paper. */
export function RecoveryKeyBox({ value }: { value: string }) {
  const groups = value.split('-');
  const half = Math.ceil(groups.length / 2);
  return (
    <div className="recovery-key" data-testid="recovery-key" aria-label={`恢复密钥 ${value}`}>
      <div>{groups.slice(0, half).join('-')}</div>
      <div>{groups.slice(half).join('-')}</div>
    </div>
  );
}

function RecoveryKeyStep({ created, onDone }: { created: Created; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  const save = () => {
    const text = `党建台帐 恢复密钥\n\n${created.recoveryKey}\n\n台帐文件：${created.status.ledgerPath ?? ''}\n生成时间：${new Date().toLocaleString('zh-CN')}\n\n忘记密码时，用它重设密码。请把它保存在安全的地方，不要和电脑放在一起。\n`;
    saveBytes(text, '党建台帐-恢复密钥.txt', 'text/plain;charset=utf-8');
  };
  return (
    <div className="gate">
      <Card className="gate-card gate-card-wide recovery-sheet" variant="borderless">
        <Typography.Title level={3}>请保存恢复密钥</Typography.Title>
        <Alert
          type="warning"
          showIcon
          className="no-print"
          title="忘记密码时，只有这个恢复密钥能打开台帐。它只显示这一次。"
          description="请打印出来，或保存到 U 盘，放在安全的地方。"
        />
        <RecoveryKeyBox value={created.recoveryKey} />
        <Typography.Paragraph type="secondary" className="print-only">
          台帐文件：{created.status.ledgerPath}　生成时间：{new Date().toLocaleString('zh-CN')}
        </Typography.Paragraph>
        <Space className="no-print" wrap>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
          <Button icon={<DownloadOutlined />} onClick={save}>
            保存为文件
          </Button>
          <Typography.Text copyable={{ text: created.recoveryKey, tooltips: ['复制', '已复制'] }}>复制</Typography.Text>
        </Space>
        <div className="no-print recovery-confirm">
          <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
            我已打印或保存了恢复密钥
          </Checkbox>
          <Button type="primary" disabled={!kept} onClick={onDone}>
            进入台帐
          </Button>
        </div>
      </Card>
    </div>
  );
}
