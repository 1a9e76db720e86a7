import type { z } from 'zod';
import type { FieldError } from './errors';
import { validationMessages as m } from './i18n/platform-messages';
import { type LocalizedText, message } from './i18n/text';

type Issue = z.core.$ZodIssue;

/** Parameters a refinement passes to name its own message: `.refine(check, { params: { text } })`. */
export type RefinementParams = { text: LocalizedText; params?: Record<string, string | number> };

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeMessage(expected: string) {
  switch (expected) {
    case 'string':
      return m.mustBeText;
    case 'number':
    case 'bigint':
      return m.mustBeNumber;
    case 'int':
      return m.mustBeInteger;
    case 'boolean':
      return m.mustBeBoolean;
    case 'array':
      return m.mustBeList;
    case 'object':
    case 'record':
      return m.mustBeObject;
    case 'date':
      return m.invalidDate;
    default:
      return m.wrongType;
  }
}

function formatMessage(format: string) {
  switch (format) {
    case 'email':
      return m.invalidEmail;
    case 'url':
      return m.invalidUrl;
    case 'uuid':
    case 'guid':
      return m.invalidUuid;
    case 'date':
    case 'datetime':
      return m.invalidDate;
    default:
      return m.invalidFormat;
  }
}

function joinPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod issues into field errors with messages a user can read, in any language. */
export function fieldErrorsFromIssues(issues: readonly Issue[], input: unknown): FieldError[] {
  // NOTE: zod still runs a list's length check on a string given in its place; once a field has
  // the wrong type, what else it says about that field only confuses ("at most 10 characters").
  const wrongType = new Set(
    issues.filter((issue) => issue.code === 'invalid_type').map((issue) => joinPath(issue.path)),
  );
  return issues.flatMap((issue): FieldError[] => {
    const path = joinPath(issue.path);
    if (issue.code !== 'invalid_type' && wrongType.has(path)) return [];
    switch (issue.code) {
      case 'invalid_type':
        return [
          {
            path,
            message: message(valueAt(input, issue.path) === undefined ? m.required : typeMessage(issue.expected)),
          },
        ];
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') return [{ path, message: message(m.tooShort, { minimum }) }];
        if (issue.origin === 'array' || issue.origin === 'set')
          return [{ path, message: message(m.tooFewItems, { minimum }) }];
        return [{ path, message: message(m.tooSmall, { minimum }) }];
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        if (issue.origin === 'string') return [{ path, message: message(m.tooLong, { maximum }) }];
        if (issue.origin === 'array' || issue.origin === 'set')
          return [{ path, message: message(m.tooManyItems, { maximum }) }];
        return [{ path, message: message(m.tooBig, { maximum }) }];
      }
      case 'invalid_format':
        return [{ path, message: message(formatMessage(issue.format)) }];
      case 'invalid_value':
        return [{ path, message: message(m.invalidOption, { options: issue.values.map(String).join(', ') }) }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: message(m.unknownField) }));
      case 'custom': {
        const refinement = issue.params as RefinementParams | undefined;
        return [{ path, message: refinement?.text ? message(refinement.text, refinement.params) : message(m.invalid) }];
      }
      default:
        return [{ path, message: message(m.invalid) }];
    }
  });
}
