import { AppError, type FieldError } from '../../platform/errors';
import { platformMessages, validationMessages } from '../../platform/i18n/platform-messages';
import { type LocalizedText, message } from '../../platform/i18n/text';
import { kpiMessages } from './messages';
import { maxPointsPerUpload, maxPointTime, minPointTime, pointTimeOf } from './schemas';

/** An upload's points as columns: each time computed once, in milliseconds. */
export type PointColumns = {
  times: number[];
  values: number[];
  /** The earliest time, to tell whether the upload reaches back into what detection has read. */
  earliest: number;
  /** The latest time: with the earliest, the range an upload may overlap stored points in. */
  latest: number;
};

// NOTE: a mistake repeated on 100,000 rows should not answer a 10 MB problem; the first ones say it.
const maxFieldErrors = 100;
const maxTimeLength = 40;
const maxAbsoluteValue = 1e15;

/**
 * Reads and checks an upload's points in one pass, without zod: at 100,000 points, zod's
 * per-element objects and refinements cost ~0.3 s a pass (decision 0013). The field errors are
 * the ones the zod schema would give (`points.3.at`, `points.7.value`, unknown fields), in the
 * user's language; a time repeated within the upload names its second occurrence.
 */
export function readPointColumns(body: unknown): PointColumns {
  const errors: FieldError[] = [];
  const fail = (path: string, text: LocalizedText, params?: Record<string, string | number>) => {
    errors.push({ path, message: message(text, params) });
    return errors.length >= maxFieldErrors;
  };
  const refuse = () => new AppError('validation_failed', message(platformMessages.validationFailed), errors);

  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail('', validationMessages.mustBeObject);
    throw refuse();
  }
  for (const key of Object.keys(body)) if (key !== 'points') fail(key, validationMessages.unknownField);
  const points = (body as { points?: unknown }).points;
  if (!Array.isArray(points)) {
    fail('points', points === undefined ? validationMessages.required : validationMessages.mustBeList);
    throw refuse();
  }
  if (points.length < 1) fail('points', validationMessages.tooFewItems, { minimum: 1 });
  if (points.length > maxPointsPerUpload)
    fail('points', validationMessages.tooManyItems, { maximum: maxPointsPerUpload });
  if (errors.length > 0) throw refuse();

  const count = points.length;
  const times = new Array<number>(count);
  const values = new Array<number>(count);
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let ascending = true;
  for (let index = 0; index < count; index += 1) {
    const point: unknown = points[index];
    if (point === null || typeof point !== 'object' || Array.isArray(point)) {
      if (fail(`points.${index}`, point === undefined ? validationMessages.required : validationMessages.mustBeObject))
        break;
      continue;
    }
    const { at, value } = point as { at?: unknown; value?: unknown };
    let full = false;
    for (const key in point) {
      if (key !== 'at' && key !== 'value') full = fail(`points.${index}.${key}`, validationMessages.unknownField);
    }
    let time = Number.NaN;
    if (typeof at !== 'string') {
      full = fail(`points.${index}.at`, at === undefined ? validationMessages.required : validationMessages.mustBeText);
    } else if (at.length > maxTimeLength) {
      full = fail(`points.${index}.at`, validationMessages.tooLong, { maximum: maxTimeLength });
    } else {
      time = pointTimeOf(at);
      if (Number.isNaN(time)) full = fail(`points.${index}.at`, kpiMessages.pointTime);
      else if (time < minPointTime || time >= maxPointTime) full = fail(`points.${index}.at`, kpiMessages.pointYear);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      full = fail(
        `points.${index}.value`,
        value === undefined ? validationMessages.required : validationMessages.mustBeNumber,
      );
    } else if (Math.abs(value) > maxAbsoluteValue) {
      full = fail(`points.${index}.value`, kpiMessages.valueRange);
    }
    if (full) break;
    if (index > 0 && !(time > (times[index - 1] as number))) ascending = false;
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
    times[index] = time;
    values[index] = value as number;
  }
  if (errors.length > 0) throw refuse();

  // NOTE: uploads are usually in time order, which proves the times distinct without a set.
  if (!ascending) {
    const seen = new Set<number>();
    for (let index = 0; index < count; index += 1) {
      const time = times[index] as number;
      if (seen.has(time)) {
        fail(`points.${index}.at`, kpiMessages.duplicatePoint);
        throw refuse();
      }
      seen.add(time);
    }
  }
  return { times, values, earliest, latest };
}
