// 附件: photos and scans of an activity, kept inside the encrypted ledger. Images get a thumbnail
// drawn here on a canvas (the main process has no image library); documents show an icon.
import { DeleteOutlined, DownloadOutlined, FileOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Image, Popconfirm, Space, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { AttachmentMeta } from '../../../shared/api/activities';
import { ledger } from '../../api';
import { showError, showSuccess } from '../../feedback';
import { fileSize, saveBase64 } from '../../download';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function bytesToBase64(buf: ArrayBuffer): string {
  const u8 = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A JPEG of at most 320 px on the long side, or null when the browser cannot decode the image. */
async function thumbnailOf(file: File): Promise<string | null> {
  if (!file.type.startsWith('image/')) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 320 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob ? bytesToBase64(await blob.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** A record other than an activity that keeps files: a 述职 record (its report), a commendation. */
export type AttachmentOwner = { kind: 'secretaryReview' | 'commendation'; id: number };

/** Stores a file for an activity (by id) or another record. */
export async function uploadAttachment(target: number | AttachmentOwner, file: File): Promise<AttachmentMeta> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`“${file.name}”超过 20 MB，请压缩后再上传。`);
  const [dataBase64, thumbnailBase64] = await Promise.all([file.arrayBuffer().then(bytesToBase64), thumbnailOf(file)]);
  const f = { fileName: file.name, mime: file.type || null, dataBase64, thumbnailBase64 };
  if (typeof target === 'number') return ledger['activities.attachments.add']({ activityId: target, ...f });
  return ledger[target.kind === 'secretaryReview' ? 'secretaryReviews.attach' : 'commendations.attach']({ ownerId: target.id, ...f });
}

function Thumb({ a }: { a: AttachmentMeta }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!a.hasThumbnail) return;
    let live = true;
    ledger['activities.attachments.thumbnail']({ id: a.id })
      .then((t) => { if (live && t) setSrc(`data:${t.mime};base64,${t.dataBase64}`); })
      .catch(() => {});
    return () => { live = false; };
  }, [a.id, a.hasThumbnail]);
  if (src) {
    return (
      <Image
        src={src}
        width={96}
        height={72}
        className="ax-img"
        alt={a.fileName}
        preview={{ imageRender: () => <FullImage id={a.id} />, actionsRender: () => null }}
      />
    );
  }
  return <div className="ax-icon">{a.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />}</div>;
}

/** The full image, fetched only when someone opens the preview. */
function FullImage({ id }: { id: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    ledger['activities.attachments.data']({ id }).then((d) => setSrc(`data:${d.meta.mime};base64,${d.dataBase64}`)).catch(showError);
  }, [id]);
  return src ? <img src={src} alt="" className="ax-full" /> : <span className="ax-loading">正在载入…</span>;
}

async function download(a: AttachmentMeta) {
  try {
    const d = await ledger['activities.attachments.data']({ id: a.id });
    saveBase64(d.dataBase64, a.fileName, a.mime);
  } catch (e) {
    showError(e);
  }
}


type Props = {
  /** Saved activity: files go straight into the ledger. Unsaved: they wait in `pending`. */
  activityId: number | null;
  /** Instead of an activity, the files of another saved record. */
  owner?: AttachmentOwner;
  /** The upload button's words (default 添加照片或扫描件). */
  addLabel?: string;
  items: AttachmentMeta[];
  onChanged: () => void;
  pending: File[];
  onPending: (files: File[]) => void;
  readOnly?: boolean;
};

export function Attachments({ activityId, owner, addLabel = '添加照片或扫描件', items, onChanged, pending, onPending, readOnly }: Props) {
  const [busy, setBusy] = useState(false);
  const target = owner ?? activityId;
  const add = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) return showError(new Error(`“${file.name}”超过 20 MB，请压缩后再上传。`));
    if (target === null) return onPending([...pending, file]);
    setBusy(true);
    try {
      await uploadAttachment(target, file);
      showSuccess(`已添加附件“${file.name}”`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: AttachmentMeta) => {
    try {
      await ledger['activities.attachments.void']({ id: a.id });
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="ax">
      <div className="ax-grid">
        {items.map((a) => (
          <div key={a.id} className="ax-item">
            <Thumb a={a} />
            <Tooltip title={`${a.fileName}（${fileSize(a.size)}）`}>
              <div className="ax-name">{a.caption ?? a.fileName}</div>
            </Tooltip>
            <Space size={0} className="ax-tools">
              <Button size="small" type="text" icon={<DownloadOutlined />} onClick={() => void download(a)} aria-label={`下载${a.fileName}`} />
              {!readOnly && (
                <Popconfirm title="删除这个附件？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => void remove(a)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${a.fileName}`} />
                </Popconfirm>
              )}
            </Space>
          </div>
        ))}
        {pending.map((f, i) => (
          <div key={`${f.name}-${i}`} className="ax-item ax-pending">
            <div className="ax-icon"><PaperClipOutlined /></div>
            <div className="ax-name">{f.name}</div>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onPending(pending.filter((_, j) => j !== i))} aria-label={`移除${f.name}`} />
          </div>
        ))}
      </div>
      {!readOnly && (
        <Upload multiple showUploadList={false} beforeUpload={(file) => { void add(file); return false; }} accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.wps">
          <Button icon={<PaperClipOutlined />} loading={busy}>{addLabel}</Button>
        </Upload>
      )}
      {target === null && pending.length > 0 && <Typography.Text type="secondary" className="ax-hint">保存记录时一并上传</Typography.Text>}
    </div>
  );
}
