import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { TableScroll } from '../../components/TableScroll';
import { problemMessages } from '../../lib/problems';
import {
  formatScore,
  loadScores,
  type Matrix,
  type MatrixNode,
  putScores,
  SCALE,
  type ScoreInput,
  scoreClass,
} from './api';
import { ScaleLegend } from './ScaleLegend';
import { useNarrow } from './useNarrow';

type Cell = { score: string; rationale: string };
type Sheet = Record<string, Cell>;
type Message = { kind: 'ok' | 'error' | 'stale'; text: string };

const keyOf = (row: string, column: string) => `${row}|${column}`;
const emptyCell: Cell = { score: '', rationale: '' };

/** Whether two cells would be saved the same (a rationale without a score is not sent). */
function sameCell(x: Cell, y: Cell): boolean {
  return x.score === y.score && (x.score === '' || x.rationale.trim() === y.rationale.trim());
}

/**
 * Three-way merge after the scores were read again: cells the user has not touched take the
 * server's value; cells the user changed keep the user's value. Where the server's value changed
 * too (and differs from the user's), the cell is a conflict: the user's value stays, the server's
 * value is returned so that the cell can be flagged. Cells of nodes no longer in the matrix go.
 */
export function mergeSheets(
  base: Sheet,
  loaded: Sheet,
  mine: Sheet,
  nodeIds: ReadonlySet<string>,
): { sheet: Sheet; conflicts: Record<string, Cell> } {
  const sheet: Sheet = {};
  const conflicts: Record<string, Cell> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(loaded), ...Object.keys(mine)])) {
    const [row = '', column = ''] = key.split('|');
    if (!nodeIds.has(row) || !nodeIds.has(column)) continue;
    const b = base[key] ?? emptyCell;
    const server = loaded[key] ?? emptyCell;
    const m = mine[key] ?? emptyCell;
    if (sameCell(m, b)) {
      if (loaded[key]) sheet[key] = server;
      continue;
    }
    sheet[key] = m;
    if (!sameCell(server, b) && !sameCell(server, m)) conflicts[key] = server;
  }
  return { sheet, conflicts };
}

/** Cells the two sheets disagree on (a rationale without a score does not count: it is not sent). */
function sameSheet(a: Sheet, b: Sheet): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key] ?? emptyCell;
    const y = b[key] ?? emptyCell;
    if (x.score !== y.score) return false;
    if (x.score !== '' && x.rationale.trim() !== y.rationale.trim()) return false;
  }
  return true;
}

/**
 * One scorer's sheet (editors): a score −3…+3 or blank for every ordered pair of nodes, with an
 * optional rationale per cell. Each scorer scores on their own sheet; saving replaces that
 * scorer's whole set (If-Match on the matrix's version), and the combined matrix is recomputed.
 */
export function ScoreSheet({
  matrix,
  reloadKey,
  onSaved,
  onReload,
}: {
  matrix: Matrix;
  reloadKey: number;
  onSaved: (matrix: Matrix) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = useNarrow();
  const ids = useId();
  const [scorerId, setScorerId] = useState(matrix.scorers[0]?.id ?? '');
  const [pendingScorer, setPendingScorer] = useState<string>();
  const [saved, setSaved] = useState<Sheet>();
  const [sheet, setSheet] = useState<Sheet>({});
  const [loadError, setLoadError] = useState(false);
  const [view, setView] = useState<'grid' | 'list'>(narrow ? 'list' : 'grid');
  const [active, setActive] = useState<{ row: MatrixNode; column: MatrixNode }>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  // Cells the user changed that someone else also saved with another value: key → the saved value.
  const [conflicts, setConflicts] = useState<Record<string, Cell>>({});
  // The latest sheet and baseline, read when reloaded scores are merged into the sheet.
  const latest = useRef<{ sheet: Sheet; saved?: Sheet; loadedFor?: string }>({ sheet: {} });
  latest.current.sheet = sheet;
  latest.current.saved = saved;

  // A scorer removed by an edit of the matrix: fall back to the first one.
  const scorer = matrix.scorers.find((s) => s.id === scorerId);
  useEffect(() => {
    if (!scorer && matrix.scorers[0]) setScorerId(matrix.scorers[0].id);
  }, [scorer, matrix.scorers]);

  // reloadKey asks for the scores again. Reloading the same scorer's sheet keeps the user's unsaved
  // cells (merged with what others saved); choosing another scorer starts from that scorer's scores.
  // biome-ignore lint/correctness/useExhaustiveDependencies: matrix.nodes is read when the scores arrive
  useEffect(() => {
    if (!scorerId) return;
    let current = true;
    const target = `${matrix.id}|${scorerId}`;
    const merge = latest.current.loadedFor === target && latest.current.saved !== undefined;
    if (!merge) {
      setSaved(undefined);
      setConflicts({});
    }
    setLoadError(false);
    loadScores(matrix.id, scorerId).then(
      (items) => {
        if (!current) return;
        const loaded: Sheet = {};
        for (const s of items)
          loaded[keyOf(s.rowNodeId, s.columnNodeId)] = {
            score: String(s.score),
            rationale: s.rationale ?? '',
          };
        const base = latest.current.saved;
        latest.current.loadedFor = target;
        if (!merge || !base) {
          setSaved(loaded);
          setSheet(loaded);
          return;
        }
        const nodeIds = new Set(matrix.nodes.map((n) => n.id));
        const mine = latest.current.sheet;
        const wasDirty = !sameSheet(mine, base);
        const merged = mergeSheets(base, loaded, mine, nodeIds);
        setSaved(loaded);
        setSheet(merged.sheet);
        setConflicts((old) => {
          const kept = Object.fromEntries(
            Object.entries(old).filter(([key]) => key in merged.sheet && !(key in merged.conflicts)),
          );
          return { ...kept, ...merged.conflicts };
        });
        if (wasDirty && !sameSheet(merged.sheet, loaded))
          setMessage({ kind: 'ok', text: t('matrices.sheet.reloaded') });
      },
      () => current && setLoadError(true),
    );
    return () => {
      current = false;
    };
  }, [matrix.id, scorerId, reloadKey]);

  if (matrix.scorers.length === 0) return <p>{t('matrices.sheet.noScorers')}</p>;

  const dirty = saved !== undefined && !sameSheet(sheet, saved);
  const cell = (row: string, column: string) => sheet[keyOf(row, column)] ?? emptyCell;
  const setCell = (row: string, column: string, patch: Partial<Cell>) => {
    setSheet((s) => ({ ...s, [keyOf(row, column)]: { ...(s[keyOf(row, column)] ?? emptyCell), ...patch } }));
    setConflicts((c) => {
      if (!(keyOf(row, column) in c)) return c;
      const { [keyOf(row, column)]: _, ...rest } = c;
      return rest;
    });
    setMessage(undefined);
  };
  const conflictOf = (row: string, column: string) => conflicts[keyOf(row, column)];
  const conflictText = (row: string, column: string) => {
    const c = conflictOf(row, column);
    if (!c) return '';
    return t('matrices.sheet.conflictCell', {
      score: c.score === '' ? t('matrices.sheet.blank') : formatScore(Number(c.score), lang),
    });
  };
  const conflictList = matrix.nodes.flatMap((row) =>
    matrix.nodes.filter((column) => conflictOf(row.id, column.id)).map((column) => ({ row, column })),
  );
  const scored = Object.values(sheet).filter((c) => c.score !== '').length;
  const pairs = matrix.nodes.length * (matrix.nodes.length - 1);
  const cellName = (row: MatrixNode, column: MatrixNode) =>
    t('matrices.sheet.cellLabel', { row: row.label, column: column.label });

  const chooseScorer = (id: string) => {
    if (dirty) setPendingScorer(id);
    else {
      setScorerId(id);
      setMessage(undefined);
    }
  };

  const save = async () => {
    if (!scorer) return;
    const scores: ScoreInput[] = [];
    for (const row of matrix.nodes)
      for (const column of matrix.nodes) {
        if (row.id === column.id) continue;
        const c = cell(row.id, column.id);
        if (c.score === '') continue;
        const rationale = c.rationale.trim();
        scores.push({
          rowNodeId: row.id,
          columnNodeId: column.id,
          score: Number(c.score),
          ...(rationale ? { rationale } : {}),
        });
      }
    setBusy(true);
    setMessage(undefined);
    try {
      const updated = await putScores(matrix.id, scorer.id, matrix.version, scores);
      setSaved(sheet);
      setConflicts({});
      onSaved(updated);
      setMessage({
        kind: 'ok',
        text: t('matrices.sheet.saved', { name: scorer.name, count: scores.length }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412)
        setMessage({ kind: 'stale', text: t('matrices.sheet.stale') });
      else {
        const problems = problemMessages(t, error);
        const details = Object.entries(problems)
          .filter(([k]) => k !== 'form')
          .map(([, v]) => v);
        setMessage({ kind: 'error', text: [problems.form, ...details].join(' ') });
      }
    } finally {
      setBusy(false);
    }
  };

  const scoreOptions = (long: boolean) => (
    <>
      <option value="">{long ? t('matrices.sheet.blank') : '–'}</option>
      {SCALE.map((s) => (
        <option key={s.score} value={String(s.score)}>
          {long
            ? `${formatScore(s.score, lang)} ${t(`matrices.scale.${s.key}`)}`
            : formatScore(s.score, lang)}
        </option>
      ))}
    </>
  );

  return (
    <div className="score-sheet" data-testid="score-sheet">
      <p>{t('matrices.sheet.lead')}</p>
      <div className="sheet-toolbar">
        <div className="field">
          <label htmlFor={`${ids}-scorer`}>{t('matrices.sheet.scorer')}</label>
          <select id={`${ids}-scorer`} value={scorerId} onChange={(e) => chooseScorer(e.target.value)}>
            {matrix.scorers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="view-switch">
          <legend>{t('matrices.sheet.view')}</legend>
          <label>
            <input
              type="radio"
              name={`${ids}-view`}
              checked={view === 'grid'}
              onChange={() => setView('grid')}
            />{' '}
            {t('matrices.sheet.grid')}
          </label>
          <label>
            <input
              type="radio"
              name={`${ids}-view`}
              checked={view === 'list'}
              onChange={() => setView('list')}
            />{' '}
            {t('matrices.sheet.list')}
          </label>
        </fieldset>
      </div>
      {pendingScorer ? (
        <div className="confirm" role="alert">
          <p className="confirm-text">{t('matrices.sheet.unsaved', { name: scorer?.name ?? '' })}</p>
          <p className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setScorerId(pendingScorer);
                setPendingScorer(undefined);
                setMessage(undefined);
              }}
            >
              {t('matrices.sheet.discard')}
            </button>
            <button type="button" className="button" onClick={() => setPendingScorer(undefined)}>
              {t('matrices.sheet.stay')}
            </button>
          </p>
        </div>
      ) : null}
      <ScaleLegend />
      {loadError ? (
        <p className="form-error" role="alert">
          {t('matrices.sheet.loadError')}
        </p>
      ) : saved === undefined ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : view === 'grid' ? (
        <>
          <TableScroll label={t('matrices.sheet.gridLabel', { name: scorer?.name ?? '' })}>
            <table className="heatmap sheet-grid" data-testid="sheet-grid">
              <caption>{t('matrices.sheet.gridLabel', { name: scorer?.name ?? '' })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="heatmap-corner">
                    {t('matrices.heatmap.corner')}
                  </th>
                  {matrix.nodes.map((node, j) => (
                    <th key={node.id} scope="col" className="heatmap-col" title={node.label}>
                      <span aria-hidden="true">{j + 1}</span>
                      <span className="visually-hidden">
                        {j + 1} <span lang="sv">{node.label}</span>
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.nodes.map((row, i) => (
                  <tr key={row.id}>
                    <th scope="row" className="heatmap-row">
                      <span className="row-head">
                        <span className="heatmap-number">{i + 1}</span>{' '}
                        <span className="row-label" lang="sv">
                          {row.label}
                        </span>
                      </span>
                    </th>
                    {matrix.nodes.map((column) => {
                      if (row.id === column.id)
                        return (
                          <td key={column.id} className="heatmap-cell heatmap-diagonal">
                            <span className="visually-hidden">{t('matrices.heatmap.diagonal')}</span>
                          </td>
                        );
                      const c = cell(row.id, column.id);
                      const isActive = active?.row.id === row.id && active.column.id === column.id;
                      const conflict = conflictText(row.id, column.id);
                      return (
                        <td
                          key={column.id}
                          className={`sheet-cell${isActive ? ' is-active' : ''}${conflict ? ' has-conflict' : ''}`}
                          data-conflict={conflict ? 'true' : undefined}
                        >
                          <select
                            className={scoreClass(c.score === '' ? null : Number(c.score))}
                            aria-label={cellName(row, column)}
                            value={c.score}
                            onFocus={() => setActive({ row, column })}
                            onChange={(e) => {
                              setActive({ row, column });
                              setCell(row.id, column.id, { score: e.target.value });
                            }}
                          >
                            {scoreOptions(false)}
                          </select>
                          {c.rationale.trim() ? (
                            <span className="rationale-mark" title={c.rationale}>
                              <span aria-hidden="true">*</span>
                              <span className="visually-hidden">{t('matrices.sheet.hasRationale')}</span>
                            </span>
                          ) : null}
                          {conflict ? (
                            <span className="conflict-mark" title={conflict}>
                              <span aria-hidden="true">!</span>
                              <span className="visually-hidden">{conflict}</span>
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="active-cell" data-testid="active-cell">
            {active ? (
              <div className="field">
                <label htmlFor={`${ids}-rationale`}>
                  {t('matrices.sheet.rationaleFor', { row: active.row.label, column: active.column.label })}
                </label>
                <textarea
                  id={`${ids}-rationale`}
                  rows={2}
                  maxLength={2000}
                  value={cell(active.row.id, active.column.id).rationale}
                  aria-describedby={`${ids}-rationale-hint`}
                  onChange={(e) => setCell(active.row.id, active.column.id, { rationale: e.target.value })}
                />
                <p className="field-hint" id={`${ids}-rationale-hint`}>
                  {t('matrices.sheet.rationaleHint')}
                </p>
              </div>
            ) : (
              <p className="muted">{t('matrices.sheet.chooseCell')}</p>
            )}
          </div>
        </>
      ) : (
        <div className="sheet-list" data-testid="sheet-list">
          {matrix.nodes.map((row, i) => {
            const count = matrix.nodes.filter(
              (column) => column.id !== row.id && cell(row.id, column.id).score !== '',
            ).length;
            return (
              <details key={row.id} className="sheet-row" open={i === 0}>
                <summary>
                  <span className="heatmap-number">{i + 1}</span> <span lang="sv">{row.label}</span>{' '}
                  <span className="muted">
                    {t('matrices.sheet.rowCount', { count, total: matrix.nodes.length - 1 })}
                  </span>
                </summary>
                <p className="muted">{t('matrices.sheet.rowLead', { row: row.label })}</p>
                <ul>
                  {matrix.nodes
                    .filter((column) => column.id !== row.id)
                    .map((column) => {
                      const c = cell(row.id, column.id);
                      const base = `${ids}-${row.id}-${column.id}`;
                      return (
                        <li key={column.id} className="sheet-item">
                          <div className="field">
                            <label htmlFor={`${base}-score`}>
                              <span className="visually-hidden">
                                <span lang="sv">{row.label}</span> →{' '}
                              </span>
                              <span lang="sv">{column.label}</span>
                            </label>
                            <select
                              id={`${base}-score`}
                              className={scoreClass(c.score === '' ? null : Number(c.score))}
                              value={c.score}
                              aria-describedby={
                                conflictOf(row.id, column.id) ? `${base}-conflict` : undefined
                              }
                              onChange={(e) => setCell(row.id, column.id, { score: e.target.value })}
                            >
                              {scoreOptions(true)}
                            </select>
                            {conflictOf(row.id, column.id) ? (
                              <p className="field-error" id={`${base}-conflict`}>
                                {conflictText(row.id, column.id)}
                              </p>
                            ) : null}
                          </div>
                          <div className="field">
                            <label htmlFor={`${base}-rationale`}>
                              {t('matrices.sheet.rationale')}
                              <span className="visually-hidden">
                                {' '}
                                <span lang="sv">{row.label}</span> → <span lang="sv">{column.label}</span>
                              </span>
                            </label>
                            <textarea
                              id={`${base}-rationale`}
                              rows={1}
                              maxLength={2000}
                              value={c.rationale}
                              onChange={(e) => setCell(row.id, column.id, { rationale: e.target.value })}
                            />
                          </div>
                        </li>
                      );
                    })}
                </ul>
              </details>
            );
          })}
        </div>
      )}
      {conflictList.length > 0 ? (
        <div className="form-error sheet-conflicts" role="alert" data-testid="sheet-conflicts">
          <p>{t('matrices.sheet.conflicts', { count: conflictList.length })}</p>
          <ul>
            {conflictList.map(({ row, column }) => {
              const mine = cell(row.id, column.id);
              const theirs = conflictOf(row.id, column.id) ?? emptyCell;
              const show = (c: Cell) =>
                c.score === '' ? t('matrices.sheet.blank') : formatScore(Number(c.score), lang);
              return (
                <li key={`${row.id}|${column.id}`}>
                  <span lang="sv">{row.label}</span> → <span lang="sv">{column.label}</span>:{' '}
                  {t('matrices.sheet.conflictValues', { theirs: show(theirs), mine: show(mine) })}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className="sheet-actions">
        <p className="muted" aria-live="polite">
          {t('matrices.sheet.progress', { count: scored, total: pairs })}
          {dirty ? ` ${t('matrices.sheet.dirty')}` : ''}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={busy || saved === undefined}
            onClick={() => void save()}
          >
            {t('matrices.sheet.save', { name: scorer?.name ?? '' })}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy || !dirty}
            onClick={() => {
              if (!saved) return;
              setSheet(saved);
              setConflicts({});
            }}
          >
            {t('matrices.sheet.undo')}
          </button>
        </div>
        {message ? (
          <div
            className={message.kind === 'ok' ? 'form-ok' : 'form-error'}
            role={message.kind === 'ok' ? 'status' : 'alert'}
          >
            <p>{message.text}</p>
            {message.kind === 'stale' ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setMessage(undefined);
                  onReload();
                }}
              >
                {t('matrices.reload')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
