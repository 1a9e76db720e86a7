import type { ReactNode } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/problem';
import { fieldErrorsFromIssues, translate } from '../api/shared';
import { currentLanguage } from '../i18n';
import { notifyError } from './notify';

export type FormErrors = Record<string, string>;

/**
 * Checks form input with the API's own zod schema and returns the same per-field messages the
 * server would give, keyed by path (`name`, `emails.0`): the shape Mantine's form expects.
 */
export function schemaErrors(schema: z.ZodType, input: unknown): FormErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const language = currentLanguage();
  const errors: FormErrors = {};
  for (const fieldError of fieldErrorsFromIssues(result.error.issues, input)) {
    errors[fieldError.path] ??= translate(language, fieldError.message);
  }
  return errors;
}

type FormWithErrors = { values: object; setErrors: (errors: Record<string, ReactNode>) => void };

/**
 * Puts a failed request's field errors onto the form's fields; whatever names no field of the
 * form (or is not a field error at all) becomes a toast. `mapPath` turns the path of the sent
 * input into the form's, where they differ.
 */
export function showErrorOnForm(form: FormWithErrors, error: unknown, mapPath = (path: string) => path): void {
  if (!isApiError(error)) {
    notifyError(error);
    return;
  }
  const fieldNames = new Set(Object.keys(form.values));
  const onFields = error.problem.errors.filter((fieldError) => fieldNames.has(fieldError.path.split('.')[0] ?? ''));
  if (onFields.length > 0) {
    form.setErrors(Object.fromEntries(onFields.map((fieldError) => [mapPath(fieldError.path), fieldError.message])));
  }
  if (onFields.length === 0 || onFields.length < error.problem.errors.length) notifyError(error);
}
