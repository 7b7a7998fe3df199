import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSdgs, getSteering } from '../../api/queries';
import { FormField } from '../../components/FormField';
import { pickText } from '../../components/Localized';
import { problemMessages } from '../../lib/problems';
import { useApi } from '../../lib/useApi';
import { type Matrix, type MatrixInput, NODE_KINDS, type NodeKind, type Visibility } from './api';

type NodeDraft = { key: string; id?: string; kind: NodeKind; ref: string | null; label: string };
type ScorerDraft = { key: string; id?: string; name: string };
export type MatrixFormValue = MatrixInput & {
  nodes: Array<{ id?: string; kind: NodeKind; ref?: string | null; label: string }>;
  scorers: Array<{ id?: string; name: string }>;
};

const LABEL_MAX = 80;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);
const sameName = (a: string, b: string) =>
  a.trim().normalize('NFC').toLocaleLowerCase('sv') === b.trim().normalize('NFC').toLocaleLowerCase('sv');
let counter = 0;
const newKey = () => `new-${++counter}`;

/**
 * Title, description, visibility, the nodes (picked from the priorities, strength areas and
 * Agenda 2030 targets, or own goals, each with its label) and the scorers of a matrix. Used to
 * create a matrix and to change one; `onSubmit` throws the API's error, shown at the fields.
 */
export function MatrixForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Matrix;
  submitLabel: string;
  onSubmit: (value: MatrixFormValue) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? 'internal');
  const [nodes, setNodes] = useState<NodeDraft[]>(
    initial?.nodes.map((n) => ({ key: n.id, id: n.id, kind: n.kind, ref: n.ref, label: n.label })) ?? [],
  );
  const [scorers, setScorers] = useState<ScorerDraft[]>(
    initial?.scorers.map((s) => ({ key: s.id, id: s.id, name: s.name })) ?? [],
  );
  const [kind, setKind] = useState<NodeKind>('priority');
  const [pick, setPick] = useState('');
  const [ownLabel, setOwnLabel] = useState('');
  const [scorerName, setScorerName] = useState('');
  const [addProblem, setAddProblem] = useState<{ where: 'node' | 'scorer'; text: string }>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const removedExisting =
    (initial?.nodes.some((n) => !nodes.some((d) => d.id === n.id)) ?? false) ||
    (initial?.scorers.some((s) => !scorers.some((d) => d.id === s.id)) ?? false);

  /** Options of the picker for the chosen kind: [ref, text shown, default label]. */
  const choices = (): Array<{ ref: string; text: string; label: string; group?: string }> => {
    if (kind === 'priority' && steering.data)
      return steering.data.priorities.map((p) => ({
        ref: String(p.number),
        text: `${p.number}. ${pickText(p.title, lang)}`,
        label: pickText(p.title, lang),
      }));
    if (kind === 'strength_area' && steering.data)
      return steering.data.strengthAreas.map((s) => ({
        ref: s.slug,
        text: pickText(s.name, lang),
        label: pickText(s.name, lang),
      }));
    if (kind === 'sdg_target' && sdgs.data)
      return sdgs.data.goals.flatMap((g) =>
        g.targets.map((target) => {
          const short = lang.startsWith('en') ? null : target.shortSv;
          const title = pickText(target.title, lang);
          return {
            ref: target.id,
            group: `${g.goal}. ${pickText(g.short, lang)}`,
            text: `${target.id} ${short ?? (title.length > 90 ? `${title.slice(0, 89)}…` : title)}`,
            label: short ? `${target.id} ${short}` : t('matrices.form.targetLabel', { id: target.id }),
          };
        }),
      );
    return [];
  };
  const taken = (ref: string) => nodes.some((n) => n.kind === kind && n.ref === ref);

  const addNode = () => {
    setAddProblem(undefined);
    let node: NodeDraft;
    if (kind === 'own_goal') {
      const label = ownLabel.trim();
      if (!label) return setAddProblem({ where: 'node', text: t('matrices.form.ownLabelMissing') });
      node = { key: newKey(), kind, ref: null, label: clip(label) };
      setOwnLabel('');
    } else {
      const choice = choices().find((c) => c.ref === pick);
      if (!choice) return setAddProblem({ where: 'node', text: t('matrices.form.pickMissing') });
      node = { key: newKey(), kind, ref: choice.ref, label: clip(choice.label) };
      setPick('');
    }
    if (nodes.some((n) => sameName(n.label, node.label)))
      return setAddProblem({ where: 'node', text: t('matrices.form.labelTaken', { label: node.label }) });
    setNodes([...nodes, node]);
  };

  const addScorer = () => {
    setAddProblem(undefined);
    const name = scorerName.trim();
    if (!name) return setAddProblem({ where: 'scorer', text: t('matrices.form.scorerMissing') });
    if (scorers.some((s) => sameName(s.name, name)))
      return setAddProblem({ where: 'scorer', text: t('matrices.form.scorerTaken', { name }) });
    setScorers([...scorers, { key: newKey(), name }]);
    setScorerName('');
  };

  const move = (index: number, by: number) => {
    const next = [...nodes];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setNodes(next);
  };

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('validation.required');
    if (nodes.length < 2) problems.nodes = t('matrices.form.tooFewNodes');
    nodes.forEach((n, i) => {
      if (!n.label.trim()) problems[`nodes.${i}.label`] = t('validation.required');
      else if (nodes.some((o, j) => j < i && sameName(o.label, n.label)))
        problems[`nodes.${i}.label`] = t('matrices.form.labelTwice');
    });
    scorers.forEach((s, i) => {
      if (!s.name.trim()) problems[`scorers.${i}.name`] = t('validation.required');
      else if (scorers.some((o, j) => j < i && sameName(o.name, s.name)))
        problems[`scorers.${i}.name`] = t('matrices.form.scorerTwice');
    });
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length) {
      setErrors({ ...problems, form: t('problems.fixFields') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit({
        title: title.trim(),
        description,
        visibility,
        nodes: nodes.map((n) => ({
          ...(n.id ? { id: n.id } : {}),
          kind: n.kind,
          ref: n.ref,
          label: n.label.trim(),
        })),
        scorers: scorers.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name.trim() })),
      });
    } catch (error) {
      setErrors(problemMessages(t, error, { VERSION_MISMATCH: t('matrices.form.stale') }));
    } finally {
      setBusy(false);
    }
  };

  const nodeError = (i: number) => errors[`nodes.${i}.label`] ?? errors[`nodes.${i}`];
  const scorerError = (i: number) => errors[`scorers.${i}.name`] ?? errors[`scorers.${i}`];
  const options = choices();
  const groups = [...new Set(options.map((o) => o.group ?? ''))];

  return (
    <form className="form matrix-form" onSubmit={submit} noValidate>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <FormField label={t('matrices.form.title')} error={errors.title}>
        {(p) => (
          <input {...p} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} required />
        )}
      </FormField>
      <FormField
        label={t('matrices.form.description')}
        hint={t('matrices.form.descriptionHint')}
        error={errors.description}
      >
        {(p) => (
          <textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </FormField>
      <FormField label={t('visibility.label')} hint={t('visibility.hint')} error={errors.visibility}>
        {(p) => (
          <select {...p} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
            <option value="internal">{t('visibility.internal')}</option>
            <option value="published">{t('visibility.published')}</option>
          </select>
        )}
      </FormField>

      <fieldset className="form-fieldset">
        <legend>{t('matrices.form.nodes')}</legend>
        <p className="field-hint">{t('matrices.form.nodesHint')}</p>
        {errors.nodes ? <p className="field-error">{errors.nodes}</p> : null}
        {nodes.length === 0 ? (
          <p className="muted">{t('matrices.form.noNodes')}</p>
        ) : (
          <ol className="node-editor" data-testid="node-editor">
            {nodes.map((node, i) => (
              <li key={node.key}>
                <FormField
                  label={t('matrices.form.nodeLabel', { number: i + 1 })}
                  hint={`${t(`matrices.kinds.${node.kind}`)}${node.ref ? ` ${node.ref}` : ''}`}
                  error={nodeError(i)}
                >
                  {(p) => (
                    <input
                      {...p}
                      value={node.label}
                      maxLength={LABEL_MAX}
                      onChange={(e) =>
                        setNodes(nodes.map((n, j) => (j === i ? { ...n, label: e.target.value } : n)))
                      }
                    />
                  )}
                </FormField>
                <div className="node-buttons">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('matrices.form.moveUp', { label: node.label })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={i === nodes.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('matrices.form.moveDown', { label: node.label })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setNodes(nodes.filter((_, j) => j !== i))}
                    aria-label={t('matrices.form.removeNode', { label: node.label })}
                  >
                    {t('matrices.form.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="node-adder">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('matrices.form.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as NodeKind);
                setPick('');
                setAddProblem(undefined);
              }}
            >
              {NODE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`matrices.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'own_goal' ? (
            <div className="field">
              <label htmlFor={`${id}-own`}>{t('matrices.form.ownLabel')}</label>
              <input
                id={`${id}-own`}
                value={ownLabel}
                maxLength={LABEL_MAX}
                onChange={(e) => setOwnLabel(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addNode();
                  }
                }}
              />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-pick`}>{t(`matrices.form.pick.${kind}`)}</label>
              <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">{t('matrices.form.choose')}</option>
                {groups.map((group) => {
                  const items = options
                    .filter((o) => (o.group ?? '') === group)
                    .map((o) => (
                      <option key={o.ref} value={o.ref} disabled={taken(o.ref)}>
                        {o.text}
                      </option>
                    ));
                  return group ? (
                    <optgroup key={group} label={group}>
                      {items}
                    </optgroup>
                  ) : (
                    items
                  );
                })}
              </select>
            </div>
          )}
          <button type="button" className="button button-secondary" onClick={addNode}>
            {t('matrices.form.addNode')}
          </button>
        </div>
        {addProblem?.where === 'node' ? (
          <p className="form-error" role="alert">
            {addProblem.text}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="form-fieldset">
        <legend>{t('matrices.form.scorers')}</legend>
        <p className="field-hint">{t('matrices.form.scorersHint')}</p>
        {scorers.length === 0 ? (
          <p className="muted">{t('matrices.form.noScorers')}</p>
        ) : (
          <ol className="node-editor" data-testid="scorer-editor">
            {scorers.map((scorer, i) => (
              <li key={scorer.key}>
                <FormField label={t('matrices.form.scorerLabel', { number: i + 1 })} error={scorerError(i)}>
                  {(p) => (
                    <input
                      {...p}
                      value={scorer.name}
                      maxLength={120}
                      onChange={(e) =>
                        setScorers(scorers.map((s, j) => (j === i ? { ...s, name: e.target.value } : s)))
                      }
                    />
                  )}
                </FormField>
                <div className="node-buttons">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setScorers(scorers.filter((_, j) => j !== i))}
                    aria-label={t('matrices.form.removeScorer', { name: scorer.name })}
                  >
                    {t('matrices.form.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="node-adder">
          <div className="field">
            <label htmlFor={`${id}-scorer`}>{t('matrices.form.newScorer')}</label>
            <input
              id={`${id}-scorer`}
              value={scorerName}
              maxLength={120}
              onChange={(e) => setScorerName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addScorer();
                }
              }}
            />
          </div>
          <button type="button" className="button button-secondary" onClick={addScorer}>
            {t('matrices.form.addScorer')}
          </button>
        </div>
        {addProblem?.where === 'scorer' ? (
          <p className="form-error" role="alert">
            {addProblem.text}
          </p>
        ) : null}
      </fieldset>
      {removedExisting ? (
        <p className="confirm" role="note">
          {t('matrices.form.removedWarning')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
