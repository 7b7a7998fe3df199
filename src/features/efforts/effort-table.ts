/**
 * Efforts as a table: one row per effort, the columns of the Excel template and the CSV files.
 * Pure: turning a document into cells (export) and cells into an effort input (import), with a
 * reason per bad cell. Lists inside a cell are separated by ";" and the parts of an item by "|",
 * e.g. kommuner "Åre|50; Strömsund|30; Östersund|20" and finansiering
 * "erdf|2026|2 250 000|beslutad|Mittuniversitetet".
 */
import {
  type AssessmentDimension,
  assessmentDimensions,
  type EffortStatus,
  type FundingSource,
  fundingSources,
  partnerRoles,
} from '../../db/schema.ts';
import type { EffortOut } from './effort-schemas.ts';

export const statusLabels: Record<EffortStatus, string> = {
  planned: 'planerad',
  ongoing: 'pågående',
  completed: 'avslutad',
  cancelled: 'avbruten',
};
export const sourceLabels: Record<FundingSource, string> = {
  regional_development_1_1: 'Regionala utvecklingsmedel (1:1)',
  erdf: 'ERUF',
  jtf: 'FRO (JTF)',
  interreg: 'Interreg',
  state: 'Staten',
  region: 'Regionen',
  municipality: 'Kommun',
  private: 'Privat',
  other: 'Annan',
};
export const roleLabels: Record<(typeof partnerRoles)[number], string> = {
  lead: 'projektägare',
  co_financer: 'medfinansiär',
  implementer: 'genomförare',
  beneficiary: 'mottagare',
  partner: 'partner',
  other: 'annan',
};
export const dimensionColumns: Record<AssessmentDimension, string> = {
  economic: 'ekonomisk',
  social: 'social',
  environmental: 'miljö',
  gender_equality: 'jämställdhet',
  sami_conditions: 'samiska_förhållanden',
};

/** The columns, in template order. */
export const effortColumns = [
  'diarienummer',
  'titel',
  'sammanfattning',
  'beskrivning',
  'status',
  'startdatum',
  'slutdatum',
  'ägare',
  'synlighet',
  'målgrupper',
  'hela_länet',
  'kommuner',
  'samebyar',
  'partner',
  'finansiering',
  'prioriteringar',
  'styrkeområden',
  'nationella_områden',
  'agenda2030_delmål',
  ...assessmentDimensions.flatMap((d) => [
    `bedömning_${dimensionColumns[d]}`,
    `motivering_${dimensionColumns[d]}`,
  ]),
] as const;
export type EffortColumn = (typeof effortColumns)[number];
export type EffortRecord = Record<EffortColumn, string>;

export const columnHelp: Partial<Record<EffortColumn, string>> = {
  diarienummer: 'Krävs vid import; en rad med samma diarienummer som en befintlig insats uppdaterar den',
  titel: 'Krävs',
  status: Object.values(statusLabels).join(', '),
  startdatum: 'ÅÅÅÅ-MM-DD',
  slutdatum: 'ÅÅÅÅ-MM-DD',
  ägare: 'Organisationens namn eller organisationsnummer; tomt = regionen',
  synlighet: 'intern eller publicerad',
  målgrupper: 'Åtskilda med ;',
  hela_länet: 'ja eller nej (ja: fördelas efter folkmängd)',
  kommuner: 'Kommun|andel i procent; … (andelarna summerar till 100), t.ex. Åre|50; Östersund|50',
  samebyar: 'Samebyns namn; …',
  partner: `Organisation|roll; … (roller: ${Object.values(roleLabels).join(', ')})`,
  finansiering: `källa|år|belopp i kr|beslutad eller planerad|finansiär (valfri); … (källor: ${fundingSources.join(', ')})`,
  prioriteringar: 'Nummer på långsiktiga prioriteringar; …',
  styrkeområden: 'Styrkeområdets namn; …',
  nationella_områden: 'Nummer 1–4; …',
  agenda2030_delmål: 'Delmål, t.ex. 8.9; 12.b',
};

const listSep = /\s*;\s*/;
const partSep = /\s*\|\s*/;
const splitList = (cell: string) =>
  cell
    .split(listSep)
    .map((s) => s.trim())
    .filter(Boolean);
const fold = (s: string) => s.trim().toLocaleLowerCase('sv');

/** "1 500 000", "1500000", "1 500 000,00" → 1500000; null for anything else. */
export function parseAmount(cell: string): number | null {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)$/i, '');
  const match = /^(\d+)(?:[,.]0{1,2})?$/.exec(compact);
  return match ? Number(match[1]) : null;
}

/** "33,33" or "33.33" (optionally with %) → 33.33; null otherwise. */
export function parseDecimal(cell: string): number | null {
  const compact = cell.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

// ---------------------------------------------------------------------------------------------
// Export

const percent = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });

export function effortToRecord(e: EffortOut): EffortRecord {
  const record = Object.fromEntries(effortColumns.map((c) => [c, ''])) as EffortRecord;
  record.diarienummer = e.diarienummer ?? '';
  record.titel = e.title;
  record.sammanfattning = e.summary ?? '';
  record.beskrivning = e.description ?? '';
  record.status = statusLabels[e.status];
  record.startdatum = e.startDate ?? '';
  record.slutdatum = e.endDate ?? '';
  record.ägare = e.owner?.name ?? '';
  record.synlighet = e.visibility === 'published' ? 'publicerad' : 'intern';
  record.målgrupper = e.targetGroups.join('; ');
  record.hela_länet = e.reach.wholeCounty ? 'ja' : 'nej';
  record.kommuner = e.reach.wholeCounty
    ? ''
    : e.reach.municipalities.map((m) => `${m.name}|${percent(m.share)}`).join('; ');
  record.samebyar = e.reach.samebyar.map((s) => s.name).join('; ');
  record.partner = e.partners.map((p) => `${p.organisation.name}|${roleLabels[p.role]}`).join('; ');
  record.finansiering = e.funding
    .map((f) =>
      [
        f.source,
        f.year,
        f.amountSek,
        f.status === 'decided' ? 'beslutad' : 'planerad',
        f.financier?.name ?? '',
      ]
        .join('|')
        .replace(/\|$/, ''),
    )
    .join('; ');
  record.prioriteringar = e.links.priorities.map((p) => p.number).join('; ');
  record.styrkeområden = e.links.strengthAreas.map((s) => s.name).join('; ');
  record.nationella_områden = e.links.nationalAreas.map((n) => n.code).join('; ');
  record.agenda2030_delmål = e.links.sdgTargets.map((s) => s.id).join('; ');
  for (const a of e.assessments) {
    record[`bedömning_${dimensionColumns[a.dimension]}` as EffortColumn] = String(a.score);
    record[`motivering_${dimensionColumns[a.dimension]}` as EffortColumn] = a.rationale ?? '';
  }
  return record;
}

// ---------------------------------------------------------------------------------------------
// Import

/** Names and codes the import resolves against (read from the database before parsing). */
export type Lookups = {
  organisations: Array<{ id: string; name: string; organisationNumber: string | null }>;
  municipalities: Array<{ code: string; name: string }>;
  samebyar: Array<{ code: string; name: string }>;
  priorities: Array<{ id: string; number: number }>;
  strengthAreas: Array<{ id: string; name: string; slug: string }>;
  nationalAreas: number[];
  sdgTargets: string[];
};

export type CellError = { column: string; message: string };

/** The effort input of one row (shaped like the API's), or the reasons it cannot be one. */
export function recordToInput(
  record: Partial<Record<string, string>>,
  lookups: Lookups,
): { input: Record<string, unknown> } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (c: EffortColumn) => (record[c] ?? '').trim();
  const err = (column: EffortColumn, message: string) => errors.push({ column, message });

  const orgByKey = new Map<string, string>();
  for (const o of lookups.organisations) {
    orgByKey.set(fold(o.name), o.id);
    if (o.organisationNumber) {
      orgByKey.set(o.organisationNumber, o.id);
      orgByKey.set(o.organisationNumber.replace('-', ''), o.id);
    }
  }
  const organisation = (column: EffortColumn, name: string) => {
    const id = orgByKey.get(fold(name)) ?? orgByKey.get(name.replace(/\s/g, ''));
    if (!id) err(column, `okänd organisation "${name}" (lägg till den bland aktörerna först)`);
    return id;
  };
  const byNameOrCode = (items: Array<{ code: string; name: string }>) => {
    const map = new Map<string, string>();
    for (const i of items) {
      map.set(fold(i.name), i.code);
      map.set(fold(i.code), i.code);
    }
    return map;
  };
  const municipalityCodes = byNameOrCode(lookups.municipalities);
  const samebyCodes = byNameOrCode(lookups.samebyar);

  const diarienummer = cell('diarienummer');
  if (!diarienummer) err('diarienummer', 'krävs vid import (så att samma fil inte skapar dubbletter)');
  const title = cell('titel');
  if (!title) err('titel', 'krävs');

  const statusCell = fold(cell('status'));
  const status = (Object.keys(statusLabels) as EffortStatus[]).find(
    (s) => s === statusCell || statusLabels[s] === statusCell,
  );
  if (!status) err('status', `måste vara ${Object.values(statusLabels).join(', ')}`);

  const date = (column: EffortColumn) => {
    const value = cell(column);
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      err(column, 'måste vara ett datum ÅÅÅÅ-MM-DD');
    }
    return value;
  };
  const startDate = date('startdatum');
  const endDate = date('slutdatum');

  const ownerCell = cell('ägare');
  const ownerOrganisationId = ownerCell ? organisation('ägare', ownerCell) : null;

  const visibilityCell = fold(cell('synlighet'));
  let visibility: 'internal' | 'published' = 'internal';
  if (['publicerad', 'published', 'publik'].includes(visibilityCell)) visibility = 'published';
  else if (visibilityCell && !['intern', 'internal'].includes(visibilityCell))
    err('synlighet', 'måste vara intern eller publicerad');

  const wholeCell = fold(cell('hela_länet'));
  const wholeCounty = ['ja', 'yes', 'true', '1', 'x'].includes(wholeCell);
  if (wholeCell && !wholeCounty && !['nej', 'no', 'false', '0'].includes(wholeCell))
    err('hela_länet', 'måste vara ja eller nej');

  const municipalities = splitList(cell('kommuner')).flatMap((item) => {
    const [name = '', share = ''] = item.split(partSep);
    const code = municipalityCodes.get(fold(name));
    const value = parseDecimal(share);
    if (!code) err('kommuner', `"${name}" är ingen kommun i länet`);
    if (value === null) err('kommuner', `andelen för ${name} måste vara ett tal i procent`);
    return code && value !== null ? [{ areaCode: code, share: value }] : [];
  });
  const samebyar = splitList(cell('samebyar')).flatMap((name) => {
    const code = samebyCodes.get(fold(name));
    if (!code) err('samebyar', `"${name}" är ingen sameby i länet`);
    return code ? [code] : [];
  });

  const partners = splitList(cell('partner')).flatMap((item) => {
    const [name = '', roleCell = 'partner'] = item.split(partSep);
    const id = organisation('partner', name);
    const roleFolded = fold(roleCell);
    const role = partnerRoles.find((r) => r === roleFolded || roleLabels[r] === roleFolded);
    if (!role) err('partner', `okänd roll "${roleCell}" för ${name}`);
    return id && role ? [{ organisationId: id, role }] : [];
  });

  const funding = splitList(cell('finansiering')).flatMap((item) => {
    const [sourceCell = '', yearCell = '', amountCell = '', statusPart = '', financier = ''] =
      item.split(partSep);
    const sourceFolded = fold(sourceCell);
    const source = fundingSources.find(
      (s) =>
        s === sourceFolded ||
        fold(sourceLabels[s]) === sourceFolded ||
        (s === 'regional_development_1_1' && sourceFolded === '1:1'),
    );
    const year = /^\d{4}$/.test(yearCell) ? Number(yearCell) : null;
    const amountSek = parseAmount(amountCell);
    const statusFolded = fold(statusPart);
    const fundingStatus = ['beslutad', 'decided'].includes(statusFolded)
      ? 'decided'
      : ['planerad', 'planned'].includes(statusFolded)
        ? 'planned'
        : null;
    if (!source) err('finansiering', `okänd källa "${sourceCell}"`);
    if (year === null) err('finansiering', `år saknas eller är fel i "${item}"`);
    if (amountSek === null) err('finansiering', `beloppet "${amountCell}" måste vara hela kronor`);
    if (!fundingStatus) err('finansiering', `ange beslutad eller planerad i "${item}"`);
    const financierId = financier ? organisation('finansiering', financier) : null;
    return source && year !== null && amountSek !== null && fundingStatus
      ? [{ source, year, amountSek, status: fundingStatus, financierOrganisationId: financierId ?? null }]
      : [];
  });

  const priorities = splitList(cell('prioriteringar')).flatMap((n) => {
    const p = lookups.priorities.find((x) => String(x.number) === n);
    if (!p) err('prioriteringar', `ingen långsiktig prioritering nummer ${n}`);
    return p ? [p.id] : [];
  });
  const strengthAreas = splitList(cell('styrkeområden')).flatMap((name) => {
    const s = lookups.strengthAreas.find((x) => fold(x.name) === fold(name) || x.slug === fold(name));
    if (!s) err('styrkeområden', `inget styrkeområde "${name}"`);
    return s ? [s.id] : [];
  });
  const nationalAreas = splitList(cell('nationella_områden')).flatMap((n) => {
    const code = Number(n);
    if (!lookups.nationalAreas.includes(code))
      err('nationella_områden', `inget nationellt strategiskt område ${n}`);
    return lookups.nationalAreas.includes(code) ? [code] : [];
  });
  const sdgTargets = splitList(cell('agenda2030_delmål')).flatMap((id) => {
    if (!lookups.sdgTargets.includes(id)) err('agenda2030_delmål', `inget delmål ${id}`);
    return lookups.sdgTargets.includes(id) ? [id] : [];
  });

  const assessments = assessmentDimensions.flatMap((dimension) => {
    const scoreColumn = `bedömning_${dimensionColumns[dimension]}` as EffortColumn;
    const scoreCell = cell(scoreColumn).replace('−', '-').replace(/^\+/, '');
    if (!scoreCell) return [];
    const score = /^-?\d$/.test(scoreCell) ? Number(scoreCell) : null;
    if (score === null || score < -3 || score > 3) {
      err(scoreColumn, 'måste vara ett heltal från −3 till +3');
      return [];
    }
    const rationale = cell(`motivering_${dimensionColumns[dimension]}` as EffortColumn);
    return [{ dimension, score, rationale: rationale || null }];
  });

  if (errors.length > 0) return { errors };
  return {
    input: {
      title,
      summary: cell('sammanfattning') || null,
      description: cell('beskrivning') || null,
      diarienummer,
      status,
      startDate,
      endDate,
      ownerOrganisationId,
      targetGroups: splitList(cell('målgrupper')),
      visibility,
      partners,
      funding,
      reach: { wholeCounty, municipalities, samebyar },
      links: { priorities, strengthAreas, nationalAreas, sdgTargets },
      assessments,
      // Indicators are not in the table: an import leaves an effort's indicators as they are.
    },
  };
}
