// Toasts and confirmations that follow the ConfigProvider (locale, theme): antd's App component
// hands out context-aware message/modal/notification; this keeps them reachable outside React.
import { App, Button } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalApi } from 'antd/es/modal/useModal';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { useEffect } from 'react';
import { ApiError } from './api';

let messageApi: MessageInstance | null = null;
let modalApi: ModalApi | null = null;
let notificationApi: NotificationInstance | null = null;

/** Mount once inside <App>: captures the context-aware APIs. */
export function FeedbackBridge() {
  const app = App.useApp();
  useEffect(() => {
    messageApi = app.message;
    modalApi = app.modal;
    notificationApi = app.notification;
  }, [app]);
  return null;
}

/** The Chinese sentence for any failure (ApiError already carries one). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message)) return e.message;
  return '操作失败：程序内部错误。请重试；如果问题持续，请联系技术支持。';
}

export function showError(e: unknown): void {
  if (e instanceof ApiError && e.code === 'LOCKED') return; // the unlock screen takes over
  const text = errorText(e);
  if (messageApi) void messageApi.error({ content: text, duration: 5 });
  else if (notificationApi) notificationApi.error({ title: '操作失败', description: text });
  else console.error(text);
}

export function showSuccess(text: string): void {
  void messageApi?.success(text);
}

let undoSeq = 0;
/** How long 撤销 stays offered after a save. */
const UNDO_SECONDS = 10;

/**
 * A success that can be taken back for a few seconds: 撤销 runs `undo`, the inverse change through
 * the same audited services (never a deletion). Offered only where the inverse is exact: a member
 * edit, a newly recorded activity, an activity edit (attendance included).
 */
export function showUndoable(text: string, undo: () => Promise<unknown>): void {
  if (!messageApi) return;
  const key = `undo-${++undoSeq}`;
  const run = async () => {
    messageApi?.destroy(key);
    if ((await attempt(undo)) !== undefined) showSuccess('已撤销');
  };
  void messageApi.open({
    key, type: 'success', duration: UNDO_SECONDS,
    content: (
      <span data-testid="undoable">
        {text}
        <Button type="link" size="small" onClick={() => void run()}>撤销</Button>
      </span>
    ),
  });
}

/** Asks before anything that cannot be undone; resolves true when the person confirms. */
export function confirmAction(opts: { title: string; content?: React.ReactNode; okText?: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    if (!modalApi) return resolve(window.confirm(opts.title));
    modalApi.confirm({
      title: opts.title,
      content: opts.content,
      okText: opts.okText ?? '确定',
      cancelText: '取消',
      okButtonProps: opts.danger ? { danger: true } : undefined,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** Runs an action and shows its failure; returns undefined when it failed. */
export async function attempt<T>(fn: () => Promise<T>, success?: string): Promise<T | undefined> {
  try {
    const v = await fn();
    if (success) showSuccess(success);
    return v;
  } catch (e) {
    showError(e);
    return undefined;
  }
}
