import { ValueTransformer } from 'typeorm';

/** pg returns numeric as string to keep precision; our numerics are small (days/week, weights). */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
