// The unlock screen: the first thing a clerk sees each morning.
import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, ledger } from '../api';
import { errorText } from '../feedback';
import { useSession } from '../session';

export function UnlockScreen() {
  const { status, setStatus } = useSession();
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const progress = useUnlockProgress(busy);

  // Several users: each gives their name, so a password says nothing about anyone else's.
  const askUserName = status?.askUserName ?? false;
  const unlock = async ({ userName, password }: { userName?: string; password: string }) => {
    setBusy(true);
    try {
      setStatus(await ledger['session.unlock']({ userName, password }));
    } catch (e) {
      form.setFields([{ name: 'password', errors: [errorText(e)], value: '' }]);
    } finally {
      setBusy(false);
    }
  };

  const reset = async (v: { recoveryKey: string; newPassword: string }) => {
    setBusy(true);
    try {
      setStatus(await ledger['session.resetWithRecoveryKey']({ recoveryKey: v.recoveryKey.trim(), newPassword: v.newPassword }));
    } catch (e) {
      const field = e instanceof ApiError && e.code === 'WRONG_RECOVERY_KEY' ? 'recoveryKey' : 'newPassword';
      form.setFields([{ name: field, errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gate">
      <Card className="gate-card" variant="borderless">
        <div className="gate-title">
          <span className="shell-logo" aria-hidden>
            党
          </span>
          <Typography.Title level={3}>党建台帐</Typography.Title>
        </div>
        {status?.demoPassword && (
          <Alert
            type="info"
            showIcon
            className="gate-alert"
            title="演示台帐"
            description={
              <>
                这是演示用的虚构街道。密码：<Typography.Text code copyable>{status.demoPassword}</Typography.Text>
              </>
            }
          />
        )}
        {mode === 'password' ? (
          <Form form={form} layout="vertical" onFinish={unlock} requiredMark={false}>
            {askUserName && (
              <Form.Item label="用户名" name="userName" rules={[{ required: true, whitespace: true, message: '请输入你的用户名' }]}>
                <Input prefix={<UserOutlined />} autoFocus size="large" placeholder="管理员添加你时填写的名字" autoComplete="username" />
              </Form.Item>
            )}
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoFocus={!askUserName} size="large" placeholder="输入密码后按回车" autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              解锁
            </Button>
            {busy && (
              <div className="gate-progress">
                <Progress percent={progress.percent} showInfo={false} status="active" aria-label="解锁进度" />
                <Typography.Text type="secondary">{progress.text}</Typography.Text>
              </div>
            )}
            <Button type="link" block className="gate-link" onClick={() => setMode('recovery')}>
              忘记密码？用恢复密钥重设
            </Button>
          </Form>
        ) : (
          <Form form={form} layout="vertical" onFinish={reset} requiredMark={false}>
            <Typography.Paragraph type="secondary">
              输入创建台帐时打印或保存的恢复密钥，并设置新的管理员密码。
            </Typography.Paragraph>
            <Form.Item label="恢复密钥" name="recoveryKey" rules={[{ required: true, message: '请输入恢复密钥' }]}>
              <Input prefix={<KeyOutlined />} autoFocus placeholder="XXXX-XXXX-…" autoComplete="off" />
            </Form.Item>
            <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '密码至少需要 8 个字符' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="再次输入新密码"
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              重设密码并解锁
            </Button>
            <Button type="link" block className="gate-link" onClick={() => setMode('password')}>
              返回输入密码
            </Button>
          </Form>
        )}
        {status?.ledgerPath && (
          <Typography.Paragraph type="secondary" className="gate-path" ellipsis={{ tooltip: status.ledgerPath }}>
            台帐文件：{status.ledgerPath}
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}

/**
 * What the first unlock of the day is doing while the person waits: checking the password (a
 * deliberately slow key derivation), then opening and checking the encrypted ledger. The call
 * reports nothing meanwhile, so the bar creeps towards 90 % by the time it usually takes.
 */
function useUnlockProgress(busy: boolean): { percent: number; text: string } {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!busy) return setElapsed(0);
    const started = Date.now();
    const t = setInterval(() => setElapsed(Date.now() - started), 200);
    return () => clearInterval(t);
  }, [busy]);
  return {
    percent: Math.round(90 * (1 - Math.exp(-elapsed / 2500))),
    text: elapsed < 1200 ? '正在校验密码…' : '正在打开加密台帐并检查数据，首次解锁需要几秒钟…',
  };
}
