/**
 * A reader for JSON-stat 2.0 datasets (https://json-stat.org/full/), the format SCB's PxWebApi
 * answers in with outputFormat=json-stat2. Values are in row-major order: the last dimension in
 * `id` varies fastest. `index`, `value` and `status` may each be an array or an object keyed by
 * position; a dimension with one category may leave out `index`.
 */
import { z } from 'zod';
import { SourceError } from './source-error.ts';

/** More cells than any PxWeb answer may hold (SCB's limit is far lower): refuse rather than hang. */
export const MAX_JSON_STAT_CELLS = 5_000_000;

export type JsonStatCell = {
  /** The category code of each dimension, by dimension id. */
  coords: Record<string, string>;
  value: number | null;
  status: string | null;
};

export type JsonStatDimension = {
  id: string;
  label: string;
  /** Categories in index order. */
  categories: Array<{ code: string; label: string }>;
};

export type JsonStatDataset = {
  label: string | undefined;
  dimensions: JsonStatDimension[];
  /** Dimension ids by role (time, geo, metric), when the dataset gives them. */
  role: { time?: string[]; geo?: string[]; metric?: string[] };
  cells: JsonStatCell[];
};

const datasetSchema = z.object({
  version: z.string().optional(),
  class: z.literal('dataset'),
  label: z.string().optional(),
  id: z.array(z.string()),
  size: z.array(z.number().int().nonnegative()),
  role: z
    .object({
      time: z.array(z.string()).optional(),
      geo: z.array(z.string()).optional(),
      metric: z.array(z.string()).optional(),
    })
    .optional(),
  dimension: z.record(
    z.string(),
    z.object({
      label: z.string().optional(),
      category: z.object({
        index: z
          .union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())])
          .optional(),
        label: z.record(z.string(), z.string()).optional(),
      }),
    }),
  ),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  status: z
    .union([z.string(), z.array(z.string().nullable()), z.record(z.string(), z.string().nullable())])
    .nullish(),
});

const bad = (message: string) =>
  new SourceError('SOURCE_BAD_RESPONSE', `Not a JSON-stat 2.0 dataset: ${message}`);

function categoryCodes(
  dimId: string,
  size: number,
  category: z.infer<typeof datasetSchema>['dimension'][string]['category'],
): string[] {
  const { index, label } = category;
  let codes: string[];
  if (Array.isArray(index)) {
    codes = index;
  } else if (index) {
    codes = [];
    for (const [code, position] of Object.entries(index)) {
      if (position >= size || codes[position] !== undefined)
        throw bad(`dimension ${dimId} puts category ${code} at position ${position}`);
      codes[position] = code;
    }
  } else {
    codes = Object.keys(label ?? {});
    if (codes.length !== 1) throw bad(`dimension ${dimId} has no category index`);
  }
  if (codes.length !== size || codes.some((c) => c === undefined))
    throw bad(`dimension ${dimId} has ${codes.length} categories but size ${size}`);
  if (new Set(codes).size !== codes.length) throw bad(`dimension ${dimId} repeats a category`);
  return codes;
}

/** Reads a JSON-stat 2.0 dataset; throws a SourceError SOURCE_BAD_RESPONSE if it is not one. */
export function parseJsonStat2Dataset(doc: unknown): JsonStatDataset {
  const parsed = datasetSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(`${issue?.path.join('.') || 'the document'}: ${issue?.message ?? 'invalid'}`);
  }
  const ds = parsed.data;
  if (ds.id.length !== ds.size.length) throw bad(`${ds.id.length} dimension ids but ${ds.size.length} sizes`);
  if (new Set(ds.id).size !== ds.id.length) throw bad('a dimension id is repeated');
  const total = ds.size.reduce((a, b) => a * b, 1);
  if (total > MAX_JSON_STAT_CELLS) throw bad(`${total} cells is more than ${MAX_JSON_STAT_CELLS}`);

  const dimensions = ds.id.map((id, d): JsonStatDimension => {
    const dim = ds.dimension[id];
    if (!dim) throw bad(`dimension ${id} is listed in id but not described`);
    const codes = categoryCodes(id, ds.size[d] as number, dim.category);
    return {
      id,
      label: dim.label ?? id,
      categories: codes.map((code) => ({ code, label: dim.category.label?.[code] ?? code })),
    };
  });

  const { value, status } = ds;
  const valueAt = Array.isArray(value)
    ? (p: number) => value[p] ?? null
    : (p: number) => value[String(p)] ?? null;
  if (Array.isArray(value)) {
    if (value.length !== total) throw bad(`${value.length} values for ${total} cells`);
  } else if (Object.keys(value).some((k) => !/^\d+$/.test(k) || Number(k) >= total)) {
    throw bad('a value is keyed by something other than a cell position');
  }
  const statusAt =
    status === null || status === undefined
      ? () => null
      : typeof status === 'string'
        ? () => status
        : Array.isArray(status)
          ? (p: number) => (status.length === 1 ? status[0] : status[p]) ?? null
          : (p: number) => status[String(p)] ?? null;

  const cells: JsonStatCell[] = [];
  for (let p = 0; p < total; p++) {
    const codes: string[] = [];
    let rest = p;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const { categories } = dimensions[d] as JsonStatDimension;
      codes[d] = (categories[rest % categories.length] as { code: string }).code;
      rest = Math.floor(rest / categories.length);
    }
    const coords = Object.fromEntries(dimensions.map((dim, d) => [dim.id, codes[d] as string]));
    cells.push({ coords, value: valueAt(p), status: statusAt(p) });
  }
  return { label: ds.label, dimensions, role: ds.role ?? {}, cells };
}

/** The cells of a JSON-stat 2.0 dataset, with the category code of each dimension. */
export function parseJsonStat2(doc: unknown): JsonStatCell[] {
  return parseJsonStat2Dataset(doc).cells;
}
