import type { Context } from 'hono';
import type { AppEnv } from '../http/context';

export type PdfFile = { body: Uint8Array; fileName: string };

/** A PDF shown in the browser's viewer, saved under its document's name. */
export function pdfResponse(c: Context<AppEnv>, pdf: PdfFile) {
  return c.body(pdf.body as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    // NOTE: header values are bytes; a Cyrillic name goes in the RFC 6266 `filename*` form.
    'content-disposition': `inline; filename="${pdf.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(pdf.fileName)}`,
  });
}
