import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake 0.3's Node entry is a configured singleton with `createPdf(...).getBuffer()`; the typings on npm
 * still describe 0.2's `PdfPrinter`, so the few members used here are declared by hand.
 */
interface PdfMakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(document: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let configured: PdfMakeServer | null = null;

/** Loads pdfmake once, with Roboto from its bundled virtual file system: no font files on disk, no network. */
function pdfmake(): PdfMakeServer {
  if (configured) return configured;
  const instance = require('pdfmake') as PdfMakeServer;
  const fonts = require('pdfmake/build/vfs_fonts') as Record<string, string>;
  for (const [name, base64] of Object.entries(fonts)) {
    instance.virtualfs.writeFileSync(name, Buffer.from(base64, 'base64'));
  }
  instance.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  });
  // Reports are built from the database only: a document never fetches a URL or reads a local file.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  configured = instance;
  return instance;
}

export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake().createPdf(document).getBuffer();
}
