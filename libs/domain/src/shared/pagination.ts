import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Queryable } from '@app/database/transaction';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 25;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `column` must come from a whitelist (DTO @IsIn), never from raw input. */
export function orderBy(column: string, order: 'asc' | 'desc', tieBreaker: string): string {
  return `ORDER BY ${column} ${order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ${tieBreaker}`;
}

/**
 * The total a page's rows carry (`count(*) OVER ()`), or null when it must be counted separately: a page past
 * the end has no row to carry it.
 */
export function totalFromPage(rows: ReadonlyArray<{ total?: unknown }>, offset: number): number | null {
  if (rows.length > 0) return Number(rows[0].total);
  return offset === 0 ? 0 : null;
}

/**
 * Lists read their total with `count(*) OVER ()` in the page query itself; a page past the end has no row
 * to carry it, so only then is the total counted separately (`countSql` selects `count(*) AS n`).
 */
export async function pageTotal(
  reader: Queryable,
  rows: ReadonlyArray<{ total?: unknown }>,
  offset: number,
  countSql: string,
  params: unknown[],
): Promise<number> {
  const known = totalFromPage(rows, offset);
  if (known !== null) return known;
  const [row]: Array<{ n: string }> = await reader.query(countSql, params);
  return Number(row?.n ?? 0);
}
