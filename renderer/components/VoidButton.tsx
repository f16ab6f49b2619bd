// 作废 with a reason: records are never deleted; the reason goes into the record and the audit log.
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { attempt } from '../feedback';

export function VoidButton({ what, onVoid, size }: { what: string; onVoid: (reason: string) => Promise<unknown>; size?: 'small' }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!reason.trim()) return;
    if ((await attempt(() => onVoid(reason.trim()), `已作废${what}`)) !== undefined) setOpen(false);
  };
  return (
    <>
      <Button danger size={size} type={size ? 'link' : 'default'} onClick={() => { setReason(''); setOpen(true); }} aria-label={`作废${what}`}>作废</Button>
      <Modal open={open} title={`作废${what}`} okText="作废" cancelText="取消" okButtonProps={{ danger: true, disabled: !reason.trim() }} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <p>作废后不再列入台帐和考核计算，记录和原因保留在操作日志中。</p>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="作废原因，如：录入错误" aria-label="作废原因" maxLength={200} />
      </Modal>
    </>
  );
}
