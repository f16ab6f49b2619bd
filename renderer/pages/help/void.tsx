// Voiding from the 帮扶 page: the reason is asked for and goes into the audit log.
import { Input } from 'antd';
import { attempt, confirmAction } from '../../feedback';

/** Asks for a reason, then voids; false when the person cancelled or gave none. */
export async function voidWithReason(title: string, run: (reason: string) => Promise<unknown>): Promise<boolean> {
  let reason = '';
  const ok = await confirmAction({
    title, okText: '作废', danger: true,
    content: <Input placeholder="作废原因（将记入操作日志）" onChange={(e) => { reason = e.target.value; }} aria-label="作废原因" />,
  });
  if (!ok || !reason.trim()) return false;
  return (await attempt(() => run(reason), '已作废')) !== undefined;
}
