// Key slots: the ledger's random 256-bit data key, stored only wrapped (AES-256-GCM). Each slot
// has an X25519 key pair: its private key is sealed under the user's password-derived key
// (scrypt) or the recovery key, and the data key is sealed to its public key. Changing a
// password reseals one private key; changing the data key (rotation) reseals every remaining
// slot to its public key without anyone's password, so a removed slot opens nothing new.
// Slots written before key pairs wrap the data key directly under the password-derived key.
import {
  randomBytes, randomUUID, scrypt as scryptCb, createCipheriv, createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey,
  diffieHellman, generateKeyPairSync, hkdfSync,
} from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { LedgerError } from '../../shared/errors';

const scrypt = promisify(scryptCb) as (pw: string | Buffer, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** scrypt cost: 2^16 × r 8 = 64 MiB, about 0.2 s here — slow for guessing, quick for a clerk. */
export const DEFAULT_KDF = { N: 1 << 16, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/=]*$/);
const SealedSchema = z.object({ iv: b64, wrapped: b64, tag: b64 });
type Sealed = z.infer<typeof SealedSchema>;
const SlotSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['password', 'recovery']),
  /**
   * Whose password slot this is, as an HMAC of the user's name (see userTag): the unlock screen
   * asks for the name, and staff names stay out of the unencrypted key file and backup headers.
   * Slots written before tags have none.
   */
  userTag: b64.optional(),
  kdf: z.discriminatedUnion('name', [
    z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: b64 }),
    z.object({ name: z.literal('hkdf-sha256'), salt: b64 }),
  ]),
  iv: b64,
  wrapped: b64,
  tag: b64,
  /** X25519 public key (DER) the data key is sealed to, and the ephemeral key of that seal. */
  publicKey: b64.optional(),
  ephemeralKey: b64.optional(),
  /** The slot's X25519 private key (DER), sealed under the password- or recovery-derived key. */
  privateKey: SealedSchema.optional(),
});
export type KeySlot = z.infer<typeof SlotSchema>;

export const KeyFileSchema = z.object({
  format: z.literal('dangjian-ledger-keys'),
  version: z.literal(1),
  ledgerId: z.string().min(1),
  /** Changes with the data key: a backup whose keys name another id holds an older data key. */
  dataKeyId: z.string().optional(),
  slots: z.array(SlotSchema).min(1),
  /** The newest audit entry when the ledger was last closed, MAC'd (see audit-chain.ts). */
  auditAnchor: z.object({ id: z.number().int(), mac: b64 }).optional(),
  /**
   * SHA-256 of the rest (keys sorted). Not a secret: it tells a damaged file from a wrong password,
   * which AES-GCM alone cannot (both fail the tag). Files written before it have none.
   */
  checksum: z.string().optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** JSON with object keys sorted, so the checksum does not depend on how the file was written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
}

export function keyFileChecksum(file: KeyFile): string {
  const { checksum: _ignored, ...body } = file;
  return createHash('sha256').update(canonical(body)).digest('base64');
}

/** The text written to `.keys`: the file with its checksum. */
export function serializeKeyFile(file: KeyFile): string {
  return JSON.stringify({ ...file, checksum: keyFileChecksum(file) }, null, 2);
}

export type KdfParams = { N: number; r: number; p: number };

async function deriveFromPassword(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return scrypt(password.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 });
}

/** The recovery key already carries 160 random bits, so a fast KDF is enough. */
function deriveFromRecovery(recoveryKey: string, salt: Buffer): Buffer {
  const normalized = normalizeRecoveryKey(recoveryKey);
  return Buffer.from(hkdfSync('sha256', Buffer.from(normalized, 'utf8'), salt, 'dangjian-ledger recovery slot', 32));
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read off paper

/** 32 characters in 8 groups of 4 from a 32-letter alphabet: 160 bits. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]);
  return chars.join('').match(/.{4}/g)!.join('-');
}

export function normalizeRecoveryKey(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function aad(ledgerId: string, slotId: string): Buffer {
  return Buffer.from(`${ledgerId}/${slotId}`, 'utf8');
}

function seal(key: Buffer, aadText: Buffer, plain: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadText);
  const wrapped = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function unseal(key: Buffer, aadText: Buffer, s: Sealed): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    decipher.setAAD(aadText);
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(s.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

const der = (b64text: string) => Buffer.from(b64text, 'base64');

/** The key that seals the data key to a slot: HKDF of an X25519 agreement, bound to both keys. */
function agreedKey(shared: Buffer, ephemeralDer: Buffer, publicDer: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralDer, publicDer]), 'dangjian-ledger slot seal', 32));
}

/** Seals the data key to a slot's public key: needs no password, so rotation can do it. */
function sealToSlot(ledgerId: string, slotId: string, publicKey: string, dataKey: Buffer): Sealed & { ephemeralKey: string } {
  const eph = generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey({ key: der(publicKey), format: 'der', type: 'spki' }) });
  return { ephemeralKey: ephDer.toString('base64'), ...seal(agreedKey(shared, ephDer, der(publicKey)), aad(ledgerId, slotId), dataKey) };
}

function newSlot(ledgerId: string, id: string, kek: Buffer, dataKey: Buffer) {
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privateKey = seal(kek, aad(ledgerId, `${id}/private`), pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
  return { publicKey, privateKey, ...sealToSlot(ledgerId, id, publicKey, dataKey) };
}

function unwrap(ledgerId: string, slot: KeySlot, kek: Buffer): Buffer | null {
  if (!slot.privateKey || !slot.publicKey || !slot.ephemeralKey) return unseal(kek, aad(ledgerId, slot.id), slot);
  const priv = unseal(kek, aad(ledgerId, `${slot.id}/private`), slot.privateKey);
  if (!priv) return null;
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: priv, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: der(slot.ephemeralKey), format: 'der', type: 'spki' }),
  });
  return unseal(agreedKey(shared, der(slot.ephemeralKey), der(slot.publicKey)), aad(ledgerId, slot.id), slot);
}

export async function passwordSlot(
  ledgerId: string, dataKey: Buffer, password: string, kdf: KdfParams = DEFAULT_KDF, id: string = randomUUID(), userName?: string,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveFromPassword(password, salt, kdf);
  return { id, kind: 'password', ...(userName === undefined ? {} : { userTag: userTag(ledgerId, id, userName) }), kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') }, ...newSlot(ledgerId, id, kek, dataKey) };
}

export function recoverySlot(ledgerId: string, dataKey: Buffer, recoveryKey: string): KeySlot {
  const id = 'recovery';
  const salt = randomBytes(16);
  const kek = deriveFromRecovery(recoveryKey, salt);
  return { id, kind: 'recovery', kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') }, ...newSlot(ledgerId, id, kek, dataKey) };
}

/** The same slots, each holding `dataKey` instead: for rotation. */
export function resealSlots(file: KeyFile, dataKey: Buffer, dataKeyId: string): KeyFile {
  return {
    ...file,
    dataKeyId,
    slots: file.slots.map((s) => {
      if (!s.publicKey) throw new LedgerError('SLOT_NEEDS_UPGRADE', '有的用户还在用旧格式的密钥槽，需要先各自用密码登录一次，才能更换数据密钥。');
      return { ...s, ...sealToSlot(file.ledgerId, s.id, s.publicKey, dataKey) };
    }),
  };
}

/** Names as people type them: NFC, no surrounding spaces. */
export function normalizeUserName(name: string): string {
  return name.normalize('NFC').trim();
}

/** Keyed per slot, so equal names give unrelated tags and no table of names fits every ledger. */
export function userTag(ledgerId: string, slotId: string, userName: string): string {
  return createHmac('sha256', `${ledgerId}/${slotId}`).update(normalizeUserName(userName)).digest('base64');
}

/** How many password slots (users) the key file holds: with more than one, unlocking asks who. */
export function passwordSlotCount(file: KeyFile): number {
  return file.slots.filter((s) => s.kind === 'password').length;
}

/**
 * Tries the password on the password slots, or only on `user`'s (and on unnamed slots written
 * before slots carried names): two users may share a password, so the name says who unlocks.
 */
export async function unlockWithPassword(file: KeyFile, password: string, user?: string): Promise<{ dataKey: Buffer; slotId: string } | null> {
  for (const slot of file.slots) {
    if (slot.kind !== 'password' || slot.kdf.name !== 'scrypt') continue;
    if (user !== undefined && slot.userTag !== undefined && slot.userTag !== userTag(file.ledgerId, slot.id, user)) continue;
    const kek = await deriveFromPassword(password, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
    const dataKey = unwrap(file.ledgerId, slot, kek);
    if (dataKey) return { dataKey, slotId: slot.id };
  }
  return null;
}

export function unlockWithRecoveryKey(file: KeyFile, recoveryKey: string): Buffer | null {
  const slot = file.slots.find((s) => s.kind === 'recovery');
  if (!slot || slot.kdf.name !== 'hkdf-sha256') return null;
  return unwrap(file.ledgerId, slot, deriveFromRecovery(recoveryKey, Buffer.from(slot.kdf.salt, 'base64')));
}

export function parseKeyFile(text: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LedgerError('KEYS_CORRUPT', '台帐的密钥文件已损坏，无法读取。请从备份恢复，或联系管理员。');
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) throw new LedgerError('KEYS_CORRUPT', '台帐的密钥文件格式不正确，无法读取。请从备份恢复。');
  if (parsed.data.checksum !== undefined && parsed.data.checksum !== keyFileChecksum(parsed.data)) {
    throw new LedgerError('KEYS_CORRUPT', '台帐的密钥文件已损坏（校验不符），无法读取。请从备份恢复。');
  }
  return parsed.data;
}

