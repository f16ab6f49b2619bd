// One dated action in a small dialog (转出, 转正, 党籍变更 …): fields, an optional second
// confirmation for what cannot be undone, field errors from the service shown on the field.
import { Form, Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { confirmAction, showSuccess } from '../feedback';
import { useSubmit } from '../hooks';

export type ActionSpec<V extends object = Record<string, unknown>> = {
  title: string;
  okText?: string;
  danger?: boolean;
  /** Asked once more before running (irreversible actions). */
  confirm?: (values: V) => string | null;
  initial?: Partial<V>;
  fields: ReactNode;
  run: (values: V) => Promise<unknown>;
  success?: string;
  width?: number;
};

export function ActionDialog<V extends object>({ spec, onClose, onDone }: { spec: ActionSpec<V> | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (spec) {
      form.resetFields();
      form.setFieldsValue((spec.initial ?? {}) as Parameters<typeof form.setFieldsValue>[0]);
    }
  }, [spec, form]);

  const { submit, busy } = useSubmit(form, async (values) => {
    if (!spec) return;
    const question = spec.confirm?.(values);
    if (question && !(await confirmAction({ title: question, content: '此操作会记入党员历史和操作日志，不能撤销。', okText: spec.okText ?? '确定', danger: true }))) return;
    await spec.run(values);
    if (spec.success) showSuccess(spec.success);
    onDone();
  });

  return (
    <Modal
      title={spec?.title}
      open={spec !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={spec?.okText ?? '确定'}
      cancelText="取消"
      okButtonProps={{ danger: spec?.danger, loading: busy }}
      destroyOnHidden
      maskClosable={false}
      width={spec?.width ?? 520}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="dense-form">
        {spec?.fields}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
