import { parse } from 'csv-parse';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidInput } from '../shared/errors';
import { headerProblems, mapRow, type ImportType, type MappedRow } from './import-columns';

/** Most records one file may hold: the import holds a file's rows in memory until it has checked them all. */
export const MAX_IMPORT_ROWS = 50_000;

/** A file the import cannot read at all: 422 naming the file and the problem, nothing written. */
export class ImportFileInvalid extends InvalidInput {
  constructor(type: ImportType, problem: string) {
    super('IMPORT.FILE_INVALID', `${type}.csv: ${problem}`, { file: type, problem });
  }
}

/** Checks the bytes are UTF-8 as they stream past (a sequence split between chunks is completed by the next one). */
function utf8Check(type: ImportType): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        done(null, chunk);
      } catch {
        done(new ImportFileInvalid(type, `is not UTF-8 text (an invalid byte sequence near byte ${offset})`));
      }
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new ImportFileInvalid(type, 'is not UTF-8 text (it ends inside a multi-byte character)'));
      }
    },
  });
}

/**
 * Streams one uploaded CSV through csv-parse (a UTF-8 byte order mark is allowed), checks its header against the
 * type's columns, and maps each record; a broken file (encoding, quoting, a record with the wrong number of cells,
 * too many rows) is an ImportFileInvalid naming the line.
 */
export async function readImportCsv(type: ImportType, source: Readable): Promise<MappedRow[]> {
  const rows: MappedRow[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    max_record_size: 100_000,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      const problems = headerProblems(type, names);
      if (problems.length) throw new ImportFileInvalid(type, problems.join('; '));
      return names;
    },
  });
  try {
    await pipeline(source, utf8Check(type), parser, async (records: AsyncIterable<unknown>) => {
      for await (const item of records) {
        const { record, info } = item as { record: Record<string, string>; info: { lines: number } };
        if (rows.length >= MAX_IMPORT_ROWS)
          throw new ImportFileInvalid(type, `has more than ${MAX_IMPORT_ROWS} rows: split it`);
        rows.push(mapRow(type, info.lines, record));
      }
    });
  } catch (error) {
    throw readProblem(type, error);
  }
  if (rows.length === 0) throw new ImportFileInvalid(type, 'has a header but no rows');
  return rows;
}

function readProblem(type: ImportType, error: unknown): unknown {
  if (error instanceof ImportFileInvalid) return error;
  const e = error as { code?: unknown; message?: unknown; statusCode?: unknown; lines?: unknown };
  // The upload's own limits (413 from the multipart reader) keep their status.
  if (typeof e?.statusCode === 'number') return error;
  if (typeof e?.code === 'string' && e.code.startsWith('CSV_')) {
    const message = String(e.message).replace(/^Invalid Record Length: /, '');
    return new ImportFileInvalid(type, `broken CSV: ${message}`);
  }
  if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new ImportFileInvalid(type, 'the upload ended early');
  return error;
}
