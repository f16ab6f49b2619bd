// Hands a file to the person: a download in the browser demo, the save dialog in Electron.
export function saveUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function saveBytes(data: BlobPart, fileName: string, mime = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  saveUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API handed over as base64 (attachments, plans and summaries). */
export function saveBase64(dataBase64: string, fileName: string, mime: string): void {
  const bin = atob(dataBase64);
  const u8 = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
  saveBytes(u8, fileName, mime);
}

/** '812 KB', '13.3 MB' */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
