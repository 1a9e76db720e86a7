/**
 * What one server process keeps in memory between requests, least recently used first out: a
 * bounded map for answers that are expensive to compute and cheap to check for staleness.
 */
export class KeptInMemory<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly limit: number) {}

  /** The kept value, now the most recently used; undefined when there is none. */
  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps a value, dropping the least recently used one when over the limit. */
  set(key: Key, value: Value): Value {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as Key);
    return value;
  }

  /** The kept value, or a new one made and kept now. */
  getOrSet(key: Key, make: () => Value): Value {
    return this.get(key) ?? this.set(key, make());
  }
}
