import { and, asc, eq } from 'drizzle-orm';
import { AppError, type FieldError } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { customFieldMessages as m } from './messages';
import { customFieldDefinitions } from './schema';
import type { CustomFieldEntity } from './schemas';

type Definition = typeof customFieldDefinitions.$inferSelect;

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks one value against its definition; returns the message when it does not fit. */
export function checkCustomValue(definition: Pick<Definition, 'type' | 'options'>, value: unknown) {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000 ? undefined : message(m.mustBeText);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : message(m.mustBeNumber);
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? undefined : message(m.mustBeDate);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : message(m.mustBeBoolean);
    case 'select':
      return typeof value === 'string' && definition.options.some((option) => option.value === value)
        ? undefined
        : message(m.mustBeOption, { options: definition.options.map((option) => option.value).join(', ') });
    default:
      return message(m.mustBeText);
  }
}

export async function listDefinitions(ctx: UseCaseContext, entity?: CustomFieldEntity): Promise<Definition[]> {
  return ctx.db
    .select()
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.workspaceId, ctx.actor.workspaceId),
        entity ? eq(customFieldDefinitions.entity, entity) : undefined,
      ),
    )
    .orderBy(asc(customFieldDefinitions.entity), asc(customFieldDefinitions.position), asc(customFieldDefinitions.key));
}

/**
 * Merges changed custom values into the stored ones and validates the result against the
 * workspace's definitions: unknown keys, wrong types and missing required fields are field
 * errors under `custom.<key>`. `null` removes a value.
 */
export async function resolveCustomValues(
  ctx: UseCaseContext,
  entity: CustomFieldEntity,
  changes: Record<string, unknown> | undefined,
  stored: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const definitions = await listDefinitions(ctx, entity);
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const merged: Record<string, unknown> = { ...stored };
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(changes ?? {})) {
    const definition = byKey.get(key);
    if (!definition) {
      errors.push({ path: `custom.${key}`, message: message(m.unknownField, { key }) });
      continue;
    }
    if (value === null || value === '') {
      delete merged[key];
      continue;
    }
    const problem = checkCustomValue(definition, value);
    if (problem) errors.push({ path: `custom.${key}`, message: problem });
    else merged[key] = value;
  }
  for (const definition of definitions) {
    if (definition.required && (merged[definition.key] === undefined || merged[definition.key] === null)) {
      errors.push({
        path: `custom.${definition.key}`,
        message: message({
          en: () => m.required.en.replace('{label}', definition.labelEn),
          ru: () => m.required.ru.replace('{label}', definition.labelRu),
        }),
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', message(platformMessages.validationFailed), errors);
  return merged;
}
