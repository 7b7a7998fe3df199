/**
 * What every indicator source (Kolada, SCB PxWeb, a CSV/XLSX file) produces: values in long
 * format, plus the rows it could not read and why. The import service checks these against the
 * region's indicators and areas and writes them all or nothing.
 */
import type { Sex } from '../../../db/schema.ts';

export type ValueStatus = 'preliminary' | 'final';

export type ImportedValue = {
  indicatorId: string;
  /** A municipality code ("2380"), a county code ("23"), or "SE" for Sweden as a whole. */
  areaCode: string;
  year: number;
  sex: Sex;
  value: number;
  status: ValueStatus;
  /** Human-readable source, e.g. "Kolada N01951" or "SCB TAB638". */
  source: string;
  /** Where the value came from in its file or answer ("row 12"), for messages. */
  where?: string;
};

/** A row or record that could not be read, with where it was and why. */
export type ImportProblem = {
  /** 1-based row in a file, or a position such as "page 2, item 17" for an API answer. */
  where: string;
  message: string;
};

export type SourceResult = { values: ImportedValue[]; problems: ImportProblem[] };
