import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TableFile } from '../table-file';
import type { AppEnv } from './context';

/** The OpenAPI response of a list export: CSV (UTF-8 with BOM) or XLSX. */
export const tableFileResponse = {
  description: 'The list as a file: CSV (UTF-8 with BOM) or XLSX, headers in the request’s language',
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().meta({ format: 'binary' }),
    },
  },
};

/** A list export sent as an attachment under its file name. */
export function sendTableFile(c: Context<AppEnv>, file: TableFile) {
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  });
}
