export type AuditAction = 'insert' | 'update' | 'delete';

export type FieldChange = { field: string; before?: string; after?: string };

// NOTE: bookkeeping columns change on every write; showing them would bury the real change.
const hiddenFields = new Set(['id', 'workspace_id', 'created_at', 'updated_at', 'version']);

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && Object.keys(value as object).length === 0)
  );
}

/** A stored value as one short line: text as is, anything else as compact JSON. */
export function showValue(value: unknown, maximum = 120): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > maximum ? `${text.slice(0, maximum - 1)}…` : text;
}

/**
 * What an audit entry changed, field by field: for an update only the fields that differ, for an
 * insert the filled fields it set, for a delete the filled fields it removed.
 */
export function diffOf(action: AuditAction, before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const next = asRecord(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((field) => !hiddenFields.has(field));
  const changes: FieldChange[] = [];
  for (const field of fields.sort()) {
    const was = old[field];
    const now = next[field];
    if (action === 'update') {
      if (JSON.stringify(was) === JSON.stringify(now)) continue;
      changes.push({
        field,
        ...(isEmpty(was) ? {} : { before: showValue(was) }),
        ...(isEmpty(now) ? {} : { after: showValue(now) }),
      });
    } else if (action === 'insert' && !isEmpty(now)) {
      changes.push({ field, after: showValue(now) });
    } else if (action === 'delete' && !isEmpty(was)) {
      changes.push({ field, before: showValue(was) });
    }
  }
  return changes;
}

/** A human name for the audited row, when it has one. */
export function nameOf(before: unknown, after: unknown): string | undefined {
  for (const row of [asRecord(after), asRecord(before)]) {
    for (const field of ['name', 'full_name', 'label_ru', 'label_en', 'email']) {
      const value = row[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return undefined;
}
