import { z } from '@hono/zod-openapi';
import { problem } from '../../platform/http/openapi-schemas';
import { duplicateReasons } from './find-duplicates';
import { importStatuses } from './schema';
import { delimiters, fileFormats, importFields, importKinds, importSources, textEncodings } from './schemas';

// NOTE: the response bodies of the imports API and its problems, named in the OpenAPI document.

const ColumnSchema = z.object({ index: z.number().int(), header: z.string(), key: z.string(), hidden: z.boolean() });
const ProblemRowSchema = z
  .object({
    row: z.number().int(),
    column: z.string().nullable(),
    message: z.object({ en: z.string(), ru: z.string() }),
    notice: z.literal(true).optional().describe('The row is imported all the same; the message says what was assumed'),
  })
  .meta({ id: 'ImportRowProblem' });

const importSummaryFields = {
  id: z.uuid(),
  fileName: z.string(),
  kind: z.enum(importKinds),
  source: z.enum(importSources),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  failedCount: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
};

export const ImportListItemSchema = z
  .object({
    ...importSummaryFields,
    unchangedCount: z.number().int(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: 'Who uploaded the file' }),
  })
  .meta({ id: 'ImportListItem' });

export const ImportSchema = z
  .object({
    ...importSummaryFields,
    createdBy: z.uuid(),
    format: z.enum(fileFormats),
    encoding: z.enum(textEncodings).nullable(),
    delimiter: z.enum(delimiters).nullable(),
    columns: z.array(ColumnSchema),
    mapping: z.record(z.string(), z.enum(importFields)),
    processedRows: z.number().int(),
    unchangedCount: z.number().int(),
    problems: z.array(ProblemRowSchema),
    checkedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    heartbeatAt: z.string().nullable(),
    cancelRequested: z.boolean(),
    merges: z
      .record(z.string(), z.uuid())
      .meta({ description: 'Rows to merge into existing records: external id → record id' }),
    valueMappings: z
      .object({ stage: z.record(z.string(), z.uuid()).optional() })
      .meta({ description: 'Values of the file mapped to Accord’s own: stage as written → pipeline stage id' }),
    interrupted: z.boolean().meta({ description: 'Running, but no progress for a minute: run it again to resume' }),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Import' });

export const ImportCheckSchema = z
  .object({
    totalRows: z.number().int(),
    validRows: z.number().int(),
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    problems: z.array(ProblemRowSchema),
    unknownStages: z.array(z.string()).meta({
      description:
        'Stages of a deals file that no pipeline stage is named like (mapped ones too): map them with valueMappings.stage',
    }),
    unknownOwners: z.array(z.string()).meta({
      description:
        'Owners of the file that no member matches by e-mail or name (mapped ones too): map them with valueMappings.owner; unmapped ones leave new records to the importer',
    }),
    duplicates: z.object({
      proposals: z.array(
        z
          .object({
            row: z.number().int(),
            externalId: z.string(),
            name: z.string(),
            record: z.object({ id: z.uuid(), name: z.string() }),
            reason: z.enum(duplicateReasons),
            similarity: z.number(),
          })
          .meta({ id: 'ImportDuplicate' }),
      ),
      total: z.number().int(),
    }),
  })
  .meta({ id: 'ImportCheck' });

export const ImportPreviewSchema = z
  .object({
    columns: z.array(ColumnSchema),
    totalRows: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        cells: z.array(z.string()),
        values: z.record(z.string(), z.unknown()).nullable(),
        problems: z.array(ProblemRowSchema),
      }),
    ),
  })
  .meta({ id: 'ImportPreview' });

export const PresetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(importKinds),
    source: z.enum(importSources),
    mapping: z.record(z.string(), z.enum(importFields)),
    createdBy: z.uuid(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ImportPreset' });

export const notFoundProblem = { 404: problem('No such import') };
export const conflictProblem = { 409: problem('Not possible in the import’s current status') };
