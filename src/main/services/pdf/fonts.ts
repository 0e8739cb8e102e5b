import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans (latin subset: every Spanish letter, ¿ ¡ € and the narrow spaces Intl puts in
 * amounts), embedded in every PDF so it reads the same on any machine. Loaded once per process.
 */
export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let fonts: PdfFonts | undefined;

export function pdfFonts(): PdfFonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
    fonts = {
      regular: readFileSync(join(dir, 'noto-sans-latin-400-normal.woff')),
      bold: readFileSync(join(dir, 'noto-sans-latin-700-normal.woff')),
    };
  }
  return fonts;
}
