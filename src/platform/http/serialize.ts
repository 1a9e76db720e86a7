/** A record as it travels in JSON: dates become ISO-8601 strings. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Serialized<Item>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

/** Turns every Date in a record (at any depth) into its ISO-8601 string. */
export function serialize<T>(value: T): Serialized<T> {
  if (value instanceof Date) return value.toISOString() as Serialized<T>;
  if (Array.isArray(value)) return value.map((item) => serialize(item)) as Serialized<T>;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, serialize(item)])) as Serialized<T>;
  }
  return value as Serialized<T>;
}
