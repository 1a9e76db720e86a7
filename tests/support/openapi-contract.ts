/** The subset of JSON Schema (as @hono/zod-openapi writes it) that Accord's responses use. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};

const uuidFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Where `value` departs from `schema`: wrong types, missing required properties, and — stricter
 * than JSON Schema — properties the document does not mention (an API must not say more than it
 * documents). Returns one line per problem, empty when the value conforms.
 */
export function contractViolations(
  document: OpenApiDocument,
  schema: JsonSchema,
  value: unknown,
  path = '$',
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return contractViolations(document, target, value, path);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const fits = alternatives.some(
      (alternative) => contractViolations(document, alternative, value, path).length === 0,
    );
    return fits ? [] : [`${path}: matches none of the alternatives`];
  }
  if (schema.const !== undefined && value !== schema.const) return [`${path}: is not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not in the enum`];
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
      return [`${path}: is ${actual}, documented as ${allowed.join(' | ')}`];
    }
  }
  if (schema.format === 'uuid' && typeof value === 'string' && !uuidFormat.test(value)) {
    return [`${path}: is not a uuid`];
  }
  if (Array.isArray(value)) {
    return schema.items
      ? value.flatMap((item, index) =>
          contractViolations(document, schema.items as JsonSchema, item, `${path}[${index}]`),
        )
      : [];
  }
  if (value !== null && typeof value === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const record = value as Record<string, unknown>;
    const problems = (schema.required ?? [])
      .filter((key) => !(key in record))
      .map((key) => `${path}.${key}: is required but missing`);
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...contractViolations(document, property, item, `${path}.${key}`));
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...contractViolations(document, schema.additionalProperties, item, `${path}.${key}`));
      } else if (schema.additionalProperties !== true) problems.push(`${path}.${key}: is not documented`);
    }
    return problems;
  }
  return [];
}

/** The documented JSON schema of one operation's response. */
export function responseSchema(
  document: OpenApiDocument,
  method: string,
  path: string,
  status: number,
  mediaType = 'application/json',
): JsonSchema {
  const schema = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`${method} ${path} documents no ${status} ${mediaType} response`);
  return schema;
}
