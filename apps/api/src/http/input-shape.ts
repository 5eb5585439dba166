import {
  MAX_ARRAY_ITEMS,
  MAX_FIELD_NAME_LENGTH,
  MAX_INPUT_DEPTH,
  MAX_INPUT_ENTRIES,
  MAX_PROPERTIES_PER_OBJECT,
} from './input-limits';

export interface FieldProblem {
  field: string;
  problems: string[];
}

const count = (n: number) => n.toLocaleString('en-US');

/** The problems the structural limits name, worded alike for a parsed value and for JSON text. */
export const shapeProblems = {
  tooDeep: (root: string): FieldProblem => ({
    field: root,
    problems: [`the request nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`],
  }),
  tooManyProperties: (field: string): FieldProblem => ({
    field,
    problems: [`${field} has more than ${count(MAX_PROPERTIES_PER_OBJECT)} properties; no request has that many`],
  }),
  tooManyItems: (field: string): FieldProblem => ({
    field,
    problems: [`${field} has more than ${count(MAX_ARRAY_ITEMS)} items; no request has that many`],
  }),
  tooManyEntries: (root: string): FieldProblem => ({
    field: root,
    problems: [
      `the request has more than ${count(MAX_INPUT_ENTRIES)} properties and array items in all; no request has that many`,
    ],
  }),
};

const childPath = (path: string, key: string) => {
  const name = key.length > MAX_FIELD_NAME_LENGTH ? `${key.slice(0, MAX_FIELD_NAME_LENGTH)}…` : key;
  return path ? `${path}.${name}` : name;
};

/**
 * The first way a parsed value (a query, or a body however it was parsed) breaks the structural limits, or null.
 * Iterative on purpose: it must not overflow on the very input it guards against; and it counts an object's keys
 * or an array's items before looking inside, stopping at the first problem.
 */
export function inputShapeProblem(value: unknown, root = 'body'): FieldProblem | null {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  let entries = 0;
  while (stack.length > 0) {
    const [item, depth, path] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return shapeProblems.tooDeep(root);
    const keys = Array.isArray(item) ? null : Object.keys(item);
    const size = keys ? keys.length : (item as unknown[]).length;
    if (keys && size > MAX_PROPERTIES_PER_OBJECT) return shapeProblems.tooManyProperties(path || root);
    if (!keys && size > MAX_ARRAY_ITEMS) return shapeProblems.tooManyItems(path || root);
    entries += size;
    if (entries > MAX_INPUT_ENTRIES) return shapeProblems.tooManyEntries(root);
    if (keys)
      for (const key of keys) stack.push([(item as Record<string, unknown>)[key], depth + 1, childPath(path, key)]);
    else (item as unknown[]).forEach((child, i) => stack.push([child, depth + 1, `${path}[${i}]`]));
  }
  return null;
}

/** An unpaired UTF-16 surrogate: not a character at all, and PostgreSQL's json refuses it (and text would get U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL characters';
  if (LONE_SURROGATE.test(text)) return 'unpaired UTF-16 surrogates (not valid Unicode)';
  return null;
}

/**
 * PostgreSQL cannot hold NUL, nor (in json) a lone surrogate: refuse both up front as bad input, naming the field,
 * instead of failing in the database. Runs after the shape check, so the recursion and the work are bounded.
 */
export function findNulCharacters(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const what = unstorable(value);
    return what ? [{ field: path || 'body', problems: [`${path || 'body'} must not contain ${what}`] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findNulCharacters(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const what = unstorable(key);
      return [
        ...(what ? [{ field: path || 'body', problems: [`property names must not contain ${what}`] }] : []),
        ...findNulCharacters(item, path ? `${path}.${key}` : key),
      ];
    });
  }
  return [];
}
