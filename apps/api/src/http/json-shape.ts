import {
  MAX_ARRAY_ITEMS,
  MAX_FIELD_NAME_LENGTH,
  MAX_INPUT_DEPTH,
  MAX_INPUT_ENTRIES,
  MAX_PROPERTIES_PER_OBJECT,
} from './input-limits';
import { shapeProblems, type FieldProblem } from './input-shape';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

interface Container {
  array: boolean;
  /** Properties (an object) or items (an array) seen so far. */
  count: number;
  /** How the error names it: `clientIds`, `items[3].name`. */
  path: string;
  /** An array waits for its next item after `[` and each `,`. */
  awaitingItem: boolean;
  /** An object's current key, as the span of the JSON text between its quotes. */
  key: [number, number];
}

/** Where the string opening at `start` closes, or -1: indexOf jumps over long strings (a 1 MB note costs ~1 ms). */
function closingQuote(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

function pathOf(text: string, parent: Container | undefined): string {
  if (!parent) return '';
  if (parent.array) return `${parent.path}[${parent.count - 1}]`;
  const [from, to] = parent.key;
  const key =
    to - from > MAX_FIELD_NAME_LENGTH ? `${text.slice(from, from + MAX_FIELD_NAME_LENGTH)}…` : text.slice(from, to);
  return parent.path ? `${parent.path}.${key}` : key;
}

/**
 * The first way a JSON text breaks the structural limits (input-limits.ts), found by one scan before JSON.parse
 * runs, or null. It stops at the first problem (the 60,000-key body is refused at its 65th key), skips strings with
 * indexOf, and leaves malformed text to JSON.parse to report.
 */
export function jsonShapeProblem(text: string, root = 'body'): FieldProblem | null {
  const stack: Container[] = [];
  let entries = 0;
  let lastString: [number, number] = [0, 0];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (WHITESPACE.has(c)) continue;
    const top = stack[stack.length - 1];
    if (top?.array && top.awaitingItem && c !== CLOSE_ARRAY) {
      top.awaitingItem = false;
      top.count += 1;
      entries += 1;
      if (top.count > MAX_ARRAY_ITEMS) return shapeProblems.tooManyItems(top.path || root);
      if (entries > MAX_INPUT_ENTRIES) return shapeProblems.tooManyEntries(root);
    }
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return null;
      lastString = [i + 1, end];
      i = end;
    } else if (c === COLON && top && !top.array) {
      top.key = lastString;
      top.count += 1;
      entries += 1;
      if (top.count > MAX_PROPERTIES_PER_OBJECT) return shapeProblems.tooManyProperties(top.path || root);
      if (entries > MAX_INPUT_ENTRIES) return shapeProblems.tooManyEntries(root);
    } else if (c === COMMA && top?.array) {
      top.awaitingItem = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= MAX_INPUT_DEPTH) return shapeProblems.tooDeep(root);
      const array = c === OPEN_ARRAY;
      stack.push({ array, count: 0, path: pathOf(text, top), awaitingItem: array, key: [0, 0] });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
    }
  }
  return null;
}
