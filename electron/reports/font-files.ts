// Where the PDF fonts are: resources/fonts. Apart from fonts.ts so that a process which only
// starts the render worker does not load pdfmake and fontkit to learn the folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN_FONT_FILE = 'LXGWWenKai-Regular.ttf';

function here(): string {
  // The Electron bundle is CommonJS (__dirname); tsx and vitest run this file as ESM.
  return typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** resources/fonts: LEDGER_FONTS_DIR, the packaged app's resources, or the source tree. */
export function fontsDir(): string {
  const candidates = [
    process.env.LEDGER_FONTS_DIR,
    (process as { resourcesPath?: string }).resourcesPath ? join((process as { resourcesPath?: string }).resourcesPath!, 'fonts') : undefined,
    resolve(here(), '../../resources/fonts'),
    resolve(here(), '../resources/fonts'),
    resolve(process.cwd(), 'resources/fonts'),
  ];
  for (const c of candidates) if (c && existsSync(join(c, MAIN_FONT_FILE))) return c;
  throw new Error(`找不到打印用字体 ${MAIN_FONT_FILE}（resources/fonts）。请重新安装本程序。`);
}
