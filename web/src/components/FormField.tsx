import { type ReactNode, useId } from 'react';

type Props = {
  label: string;
  /** The message under the field when its value is wrong. */
  error?: string | undefined;
  hint?: string | undefined;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
};

/** A labelled form control with its hint and error tied to it for screen readers. */
export function FormField({ label, error, hint, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Field errors of a problem, keyed by field name without the "body." prefix; `translate` turns
 * the API's English messages into the UI's language.
 */
export function fieldErrorMap(
  errors: Array<{ field: string; message: string }>,
  translate: (message: string) => string = (m) => m,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    const key = e.field.replace(/^body\.?/, '');
    const message = translate(e.message);
    map[key] = map[key] ? `${map[key]}; ${message}` : message;
  }
  return map;
}
