import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { MAX_INPUT_ENTRIES } from './input-limits';
import { shapeProblems } from './input-shape';
import { jsonShapeProblem } from './json-shape';
import { RequestValidationFailed } from './validation';

/** How many `name=value` pairs a form body holds, counting no further than `limit + 1`. */
function formPairs(text: string, limit: number): number {
  let pairs = text.length > 0 ? 1 : 0;
  for (let at = text.indexOf('&'); at !== -1 && pairs <= limit; at = text.indexOf('&', at + 1)) pairs += 1;
  return pairs;
}

/** A form body as fast-querystring reads it (a repeated name becomes an array), on an object without a prototype. */
function parseForm(text: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = parsed[name];
    parsed[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return parsed;
}

/**
 * JSON and form bodies are measured before they are parsed: parsing 600 KB of 60,000 fresh keys alone holds the event
 * loop for 60-200 ms, and that happens before any guard, so even an unauthenticated request did it. A body over the
 * structural limits is a 400 naming the problem, after one cheap scan that stops at the first excess.
 */
export function useBoundedBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    const problem = jsonShapeProblem(text);
    if (problem) return done(new RequestValidationFailed([problem]), undefined);
    return parseJson(request, text, done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) => {
    const text = body.toString('utf8');
    if (formPairs(text, MAX_INPUT_ENTRIES) > MAX_INPUT_ENTRIES) {
      return done(new RequestValidationFailed([shapeProblems.tooManyEntries('body')]), undefined);
    }
    const parsed = parseForm(text);
    // As Nest's own form parser: a "__proto__" name, copied onto an object later, would replace its prototype.
    if (Object.hasOwn(parsed, '__proto__')) {
      return done(new BadRequestException('Object contains forbidden prototype property'), undefined);
    }
    return done(null, parsed);
  });
}
