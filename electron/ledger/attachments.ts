// Attachments of activities (photos, scanned sign-in sheets, minutes) and of other records (a 述职
// report, a commendation's certificate): BLOBs inside the encrypted ledger, so they are never on
// disk in the clear. Thumbnails: the renderer may send one it drew on
// a canvas; without one, a small image serves as its own thumbnail (no image library in Node here).
import { createHash } from 'node:crypto';
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { AttachmentAddSchema, MAX_ATTACHMENT_BYTES, MAX_THUMBNAIL_BYTES, type AttachmentAdd } from '../../shared/schemas/activity';
import type { AttachmentMeta } from '../../shared/api/activities';
import type { Ledger } from './ledger';
import { all, mustFind, one, run } from './sql';

/** An image up to this size is shown scaled by the renderer instead of a stored thumbnail. */
export const SELF_THUMBNAIL_MAX_BYTES = 300 * 1024;

/** Recognises the files clerks attach by their first bytes; the name's extension is only a fallback. */
export function sniffMime(data: Buffer, fileName: string): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    doc: 'application/msword', xls: 'application/vnd.ms-excel', wps: 'application/vnd.ms-works', txt: 'text/plain',
    jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
  };
  return byExt[ext] ?? 'application/octet-stream';
}

const isImage = (mime: string) => mime.startsWith('image/');

function decode(b64: string, what: string): Buffer {
  const clean = b64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) throw new LedgerError('INVALID_INPUT', `${what}的内容不正确，请重新选择文件。`);
  return Buffer.from(clean, 'base64');
}

/** A file sent by the renderer (base64): its bytes and type, refused when empty or over 20 MB. Plans and summaries reuse it. */
export function readUpload(fileName: string, dataBase64: string): { data: Buffer; mime: string } {
  const data = decode(dataBase64, '附件');
  if (data.length === 0) throw new LedgerError('INVALID_INPUT', '文件是空的。');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new LedgerError('TOO_LARGE', '附件不能超过 20 MB。照片请先压缩，扫描件请分页保存。');
  return { data, mime: sniffMime(data, fileName) };
}

/** Where a file belongs: an activity, or another record (述职评议, 表彰) named by kind and id. */
export type AttachmentOwner = { activityId: number } | { kind: 'secretaryReview' | 'commendation'; id: number; label: string };

export function addAttachment(ledger: Ledger, raw: AttachmentAdd): AttachmentMeta {
  return storeAttachment(ledger, { activityId: raw.activityId }, raw);
}

/** Stores a file for its owner; the caller has checked that the owner exists and is not voided. */
export function storeAttachment(ledger: Ledger, owner: AttachmentOwner, raw: Omit<AttachmentAdd, 'activityId'>): AttachmentMeta {
  const input = AttachmentAddSchema.omit({ activityId: true }).parse(raw);
  const { data, mime } = readUpload(input.fileName, input.dataBase64);
  let thumbnail: Buffer | null = input.thumbnailBase64 ? decode(input.thumbnailBase64, '缩略图') : null;
  if (thumbnail && (thumbnail.length > MAX_THUMBNAIL_BYTES || !isImage(sniffMime(thumbnail, '')))) thumbnail = null;
  const sha256 = createHash('sha256').update(data).digest('hex');
  const activityId = 'activityId' in owner ? owner.activityId : null;
  const ownerKind = 'kind' in owner ? owner.kind : null;
  const ownerId = 'kind' in owner ? owner.id : null;
  return ledger.tx(() => {
    if (activityId !== null) {
      const act = mustFind(one<{ voidedAt: string | null }>(ledger, 'SELECT voided_at AS voidedAt FROM activities WHERE id = ?', activityId), '这条活动记录');
      if (act.voidedAt) throw new LedgerError('VOIDED', '这条活动记录已作废，不能再添加附件。');
    }
    const dup = one<{ id: number }>(
      ledger, 'SELECT id FROM attachments WHERE activity_id IS ? AND owner_kind IS ? AND owner_id IS ? AND sha256 = ? AND voided_at IS NULL',
      activityId, ownerKind, ownerId, sha256,
    );
    if (dup) throw new LedgerError('DUPLICATE', `这个文件已经是${activityId !== null ? '本次活动' : '这条记录'}的附件了（${input.fileName}）。`);
    const id = run(
      ledger,
      'INSERT INTO attachments (activity_id, owner_kind, owner_id, file_name, mime, size, sha256, data, thumbnail, caption, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      activityId, ownerKind, ownerId, input.fileName, mime, data.length, sha256, data, thumbnail, input.caption, nowIso(),
    );
    const whose = 'label' in owner ? owner.label : '活动';
    ledger.audit({ action: 'create', entity: 'attachment', entityId: id, summary: `为${whose}添加附件“${input.fileName}”`, after: { activityId, ownerKind, ownerId, fileName: input.fileName, mime, size: data.length, sha256 } });
    return getAttachmentMeta(ledger, id);
  });
}

const META = `SELECT id, activity_id AS activityId, file_name AS fileName, mime, size, sha256, caption,
  (thumbnail IS NOT NULL OR (mime LIKE 'image/%' AND size <= ${SELF_THUMBNAIL_MAX_BYTES})) AS hasThumbnail, created_at AS createdAt
  FROM attachments`;

const toMeta = (r: Omit<AttachmentMeta, 'hasThumbnail'> & { hasThumbnail: number }): AttachmentMeta => ({ ...r, hasThumbnail: r.hasThumbnail === 1 });

export function getAttachmentMeta(ledger: Ledger, id: number): AttachmentMeta {
  return toMeta(mustFind(one(ledger, `${META} WHERE id = ? AND voided_at IS NULL`, id), '这个附件'));
}

export function listAttachments(ledger: Ledger, activityId: number): AttachmentMeta[] {
  return all<Parameters<typeof toMeta>[0]>(ledger, `${META} WHERE activity_id = ? AND voided_at IS NULL ORDER BY id`, activityId).map(toMeta);
}

/** The live files of records of one kind, by owner id. */
export function ownedAttachments(ledger: Ledger, kind: 'secretaryReview' | 'commendation', ids: readonly number[]): Map<number, AttachmentMeta[]> {
  const out = new Map<number, AttachmentMeta[]>();
  if (ids.length === 0) return out;
  const rows = all<Parameters<typeof toMeta>[0] & { ownerId: number }>(
    ledger, `${META.replace('FROM attachments', ', owner_id AS ownerId FROM attachments')} WHERE owner_kind = ? AND owner_id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL ORDER BY id`,
    kind, JSON.stringify(ids),
  );
  for (const { ownerId, ...r } of rows) out.set(ownerId, [...(out.get(ownerId) ?? []), toMeta(r)]);
  return out;
}

export function attachmentData(ledger: Ledger, id: number): { meta: AttachmentMeta; data: Buffer } {
  const meta = getAttachmentMeta(ledger, id);
  const row = one<{ data: Buffer }>(ledger, 'SELECT data FROM attachments WHERE id = ?', id)!;
  return { meta, data: Buffer.from(row.data) };
}

/** The stored thumbnail, or the image itself when it is small; null for documents and big images. */
export function attachmentThumbnail(ledger: Ledger, id: number): { mime: string; data: Buffer } | null {
  const row = mustFind(
    one<{ mime: string; size: number; thumbnail: Buffer | null }>(ledger, 'SELECT mime, size, thumbnail FROM attachments WHERE id = ? AND voided_at IS NULL', id),
    '这个附件',
  );
  if (row.thumbnail) return { mime: sniffMime(Buffer.from(row.thumbnail), ''), data: Buffer.from(row.thumbnail) };
  if (isImage(row.mime) && row.size <= SELF_THUMBNAIL_MAX_BYTES) return { mime: row.mime, data: attachmentData(ledger, id).data };
  return null;
}

/** Voids an attachment; the bytes stay in the ledger for the audit trail. */
export function voidAttachment(ledger: Ledger, id: number): void {
  ledger.tx(() => {
    const meta = getAttachmentMeta(ledger, id);
    ledger.db.prepare('UPDATE attachments SET voided_at = ? WHERE id = ?').run(nowIso(), id);
    ledger.audit({ action: 'void', entity: 'attachment', entityId: id, summary: `删除${meta.activityId === null ? '' : '活动'}附件“${meta.fileName}”`, before: meta });
  });
}
