import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * fast-check arbitraries built from the OpenAPI schemas the API publishes: valid values, values at and just past
 * each declared bound, and hostile values. Pure: the fuzz suite supplies the ids of real rows to draw from.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

export interface FuzzContext {
  /** Resolves `$ref`s against the document's components. */
  resolve(schema: Schema): Schema;
  /** Ids of real rows of the tenant under test, so valid bodies reach the domain rules. */
  knownIds: string[];
}

export const HUGE_STRING = 'x'.repeat(1_000_000);
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uDC00b\uD83D',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '🦄'.repeat(300),
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '9999-12-31',
  '0000-00-00',
  'Europe/Atlantis',
  'null',
  'true',
  '[]',
  '{}',
];

/** Values of the wrong type, or hostile of the right type, for any field. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
    {
      weight: 4,
      arbitrary: fc.constantFrom<unknown>(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        -0,
        1e308,
        -1e308,
        Number.MAX_SAFE_INTEGER + 2,
        2 ** 31,
        [],
        {},
        [null],
        [[[]]],
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(HUGE_STRING) },
    { weight: 1, arbitrary: fc.constant<unknown>(Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'x' : i))) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 2_000 }).map(deepObject) },
    {
      weight: 1,
      arbitrary: fc.constant<unknown>(
        JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
      ),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

export function deepObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 3 === 0 ? [value] : { a: value };
  return value;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const dates = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** A value the schema accepts (as far as the document says: domain rules may still refuse it). */
export function validValue(schema: Schema, ctx: FuzzContext, name = ''): fc.Arbitrary<unknown> {
  const s = ctx.resolve(schema);
  const base = validBase(s, ctx, name);
  return s.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function validBase(s: Schema, ctx: FuzzContext, name: string): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid')
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...ctx.knownIds) },
          { weight: 1, arbitrary: fc.uuid() },
        );
      if (s.format === 'date') return dates.map(isoDate);
      if (s.format === 'date-time') return dates.map((d) => d.toISOString());
      if (s.format === 'password' || /password/i.test(name))
        return fc.constantFrom('plum-ferry-harbour-lantern', 'violet-quarry-marble-9', 'x'.repeat(11), 'password1234');
      if (/email/i.test(name)) return fc.nat().map((n) => `fuzz-${n}@fuzz.test`);
      if (/timezone/i.test(name))
        return fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati');
      if (/url/i.test(name)) return fc.constantFrom('http://127.0.0.1:9/fuzz', 'https://hooks.example.com/x');
      if (/token/i.test(name)) return fc.stringMatching(/^[a-f0-9]{64}$/);
      const min = s.minLength ?? 1;
      const max = Math.min(s.maxLength ?? 60, Math.max(min, 60));
      return fc
        .string({ minLength: min, maxLength: max, unit: 'grapheme' })
        .filter((v) => v.trim().length > 0 || min === 0);
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'number': {
      const min = s.minimum ?? -1000;
      const max = s.maximum ?? 1000;
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.integer({ min: Math.ceil(min * 2), max: Math.floor(max * 2) }).map((n) => n / 2),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(s.items ?? {}, ctx, name), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case 'object':
    default:
      if (!s.properties) return s.type === 'object' ? fc.constant({}) : fc.string({ maxLength: 20 });
      return objectValue(s, ctx);
  }
}

function objectValue(s: Schema, ctx: FuzzContext): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(s.properties ?? {}).map(([key, prop]) => [key, validValue(prop, ctx, key)]),
  );
  return fc.record(props, { requiredKeys: s.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Values at each bound the schema declares, and just past it. */
export function boundaryValues(schema: Schema, ctx: FuzzContext): unknown[] {
  const s = ctx.resolve(schema);
  const out: unknown[] = [];
  if (s.type === 'string') {
    for (const n of [s.minLength, s.maxLength].filter((n): n is number => n !== undefined)) {
      for (const len of [n - 1, n, n + 1]) if (len >= 0) out.push('b'.repeat(len), '🦄'.repeat(Math.ceil(len / 2)));
    }
    out.push('', 'b'.repeat(10_001));
  }
  if (s.type === 'number' || s.type === 'integer') {
    for (const n of [s.minimum, s.maximum].filter((n): n is number => n !== undefined))
      out.push(n, n - 1, n + 1, n - 0.25, n + 0.25, n - Number.EPSILON * 4);
    out.push(0, -0, 0.1, 1e21, -1e21, 2 ** 53 + 1);
  }
  if (s.type === 'array') {
    const item = s.items ? ctx.resolve(s.items) : {};
    const sample = item.format === 'uuid' ? () => randomUUID() : item.enum ? () => item.enum![0] : () => 'x';
    for (const n of [s.minItems ?? 0, s.maxItems, s.maxItems === undefined ? undefined : s.maxItems + 1, 10_000].filter(
      (n): n is number => n !== undefined,
    )) {
      out.push(Array.from({ length: n }, sample));
    }
  }
  return out;
}

export type BodyCase = { kind: string; body: unknown; raw?: string };

/** Every kind of body for one operation's request schema, as one arbitrary. */
export function bodyCases(schema: Schema | undefined, ctx: FuzzContext): fc.Arbitrary<BodyCase> {
  const s: Schema = schema ? ctx.resolve(schema) : { type: 'object', properties: {} };
  const fields = Object.keys(s.properties ?? {});
  const valid = objectValue(s, ctx);
  const withField = (kind: string, values: fc.Arbitrary<unknown>) =>
    fields.length === 0
      ? values.map((v) => ({ kind, body: { unexpected: v } }))
      : fc
          .tuple(valid, fc.constantFrom(...fields), values)
          .map(([body, field, v]) => ({ kind: `${kind}:${field}`, body: { ...body, [field]: v } }));
  const boundaries = fields.flatMap((f) => boundaryValues(s.properties![f], ctx).map((v) => [f, v] as const));
  const arbitraries: Array<fc.WeightedArbitrary<BodyCase>> = [
    { weight: 5, arbitrary: valid.map((body) => ({ kind: 'valid', body })) },
    { weight: 6, arbitrary: withField('hostile', hostileValue()) },
    {
      weight: 1,
      arbitrary: valid.map((body) => ({
        kind: 'null-everywhere',
        body: Object.fromEntries(
          Object.keys(body)
            .concat(fields)
            .map((k) => [k, null]),
        ),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
            minKeys: 1,
            maxKeys: 3,
          }),
        )
        .map(([body, extra]) => ({ kind: 'extra-fields', body: { ...extra, ...body } })),
    },
    { weight: 1, arbitrary: valid.map((body) => ({ kind: 'proto-keys', body, raw: withPrototypeKeys(body) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodyCase>(
        { kind: 'not-an-object', body: [] },
        { kind: 'not-an-object', body: 'text' },
        { kind: 'not-an-object', body: 42 },
        { kind: 'not-an-object', body: null },
        { kind: 'deep-json', body: undefined, raw: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) },
        { kind: 'deep-json', body: undefined, raw: '['.repeat(50_000) + ']'.repeat(50_000) },
        { kind: 'malformed-json', body: undefined, raw: '{"a":' },
        { kind: 'huge-array-body', body: Array.from({ length: 100_000 }, () => 'x') },
      ),
    },
  ];
  if (boundaries.length) {
    arbitraries.push({
      weight: 4,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...boundaries))
        .map(([body, [f, v]]) => ({ kind: `boundary:${f}`, body: { ...body, [f]: v } })),
    });
  }
  return fc.oneof(...arbitraries);
}

/** `__proto__`, `constructor` and `prototype` keys, at the top and nested; JSON text, since an object literal cannot hold them. */
export function withPrototypeKeys(body: Record<string, unknown>): string {
  const inner = JSON.stringify(body).slice(1, -1);
  const poison =
    '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
  const nested = Object.keys(body)[0] ? `,"${Object.keys(body)[0]}":{"__proto__":{"polluted":"yes"}}` : '';
  return `{${inner}${inner ? ',' : ''}${poison}${nested}}`;
}

/** Path ids: the real row the path is about, an unknown uuid, or garbage. */
export function pathIdCases(realId: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(realId) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'not-a-uuid',
        '00000000-0000-0000-0000-000000000000',
        `${realId}x`,
        realId.toUpperCase(),
        '%00',
        '..%2f..%2fetc',
        'a'.repeat(5_000),
        '%F0%9F%A6%84',
        "1'%20OR%20'1'='1",
      ),
    },
  );
}
