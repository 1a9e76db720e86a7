import { z } from 'zod';
import { listQuerySchema } from '../../platform/list-query';
import { importFields, importKinds, importSources } from './formats/fields';
import { delimiters, fileFormats, textEncodings } from './formats/table';

export type { ColumnMapping, ImportField, ImportKind, ImportSource, ValueMappings } from './formats/fields';
export {
  accountFields,
  contactFields,
  importFields,
  importKinds,
  importSources,
  interactionFields,
  kpiPointFields,
  opportunityFields,
} from './formats/fields';
export type { Delimiter, FileFormat, TableColumn, TextEncoding } from './formats/table';
export { delimiters, fileFormats, textEncodings } from './formats/table';

/** What the user may correct in the detection: format, encoding, delimiter, kind and source. */
export const readingOptions = z.strictObject({
  format: z.enum(fileFormats).optional(),
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
  kind: z.enum(importKinds).optional(),
  source: z.enum(importSources).optional(),
});
export type ReadingOptions = z.input<typeof readingOptions>;

/** The query of an upload: the file's name and any detection the user overrides up front. */
export const uploadImportQuery = readingOptions.extend({
  fileName: z.string().trim().min(1).max(255),
});
export type UploadImportQuery = z.input<typeof uploadImportQuery>;

export const columnMappingSchema = z.record(z.string().max(300), z.enum(importFields));

/** Corrections to the detection and the column mapping, before the import runs. */
export const updateImportInput = readingOptions.extend({
  mapping: columnMappingSchema.optional(),
  /** Re-suggest the mapping (after changing kind or source) instead of keeping the current one. */
  suggest: z.boolean().optional(),
  /** The rows to merge into existing records: external id → the record's id (replaces the choices so far). */
  merges: z.record(z.string().min(1).max(255), z.uuid()).optional(),
  /**
   * Values of the file mapped to Accord's own (replaces the choices so far): `stage` → value as
   * written → pipeline stage id; `owner` → value as written → member's user id.
   */
  valueMappings: z
    .strictObject({
      stage: z.record(z.string().min(1).max(300), z.uuid()).optional(),
      owner: z.record(z.string().min(1).max(300), z.uuid()).optional(),
    })
    .optional(),
});
export type UpdateImportInput = z.input<typeof updateImportInput>;

export const listImportsQuery = listQuerySchema(['createdAt'], '-createdAt');
export type ListImportsQuery = z.input<typeof listImportsQuery>;

export const savePresetInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(importKinds),
  source: z.enum(importSources),
  mapping: columnMappingSchema,
});
export type SavePresetInput = z.input<typeof savePresetInput>;
