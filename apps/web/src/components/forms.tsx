import {
  useId,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { newIdempotencyKey, type ApiError } from '../api/client';
import { humanProblems } from '../lib/validation-sentences';

export type FieldErrors = Record<string, string>;

/** The API's `errors: [{field, problems}]` as one message per field; nested fields count for their root. */
/** The API's password length rule (12–128; the common-password check stays the API's) and the repeat check. */
export function newPasswordErrors(password: string, repeat: string): FieldErrors {
  if (password.length < 12) return { newPassword: 'Use at least 12 characters.' };
  if (repeat !== password) return { repeat: 'The two passwords differ.' };
  return {};
}

/** The API's field problems as sentences for people, one line per field (issue 14): what forms show. */
export function humanFieldErrorsOf(error: ApiError): FieldErrors {
  const byField = new Map<string, Array<{ field: string; problem: string }>>();
  for (const problem of error.errors ?? []) {
    const root = problem.field.split(/[.[]/)[0];
    byField.set(root, [
      ...(byField.get(root) ?? []),
      ...problem.problems.map((p) => ({ field: problem.field, problem: p })),
    ]);
  }
  const out: FieldErrors = {};
  for (const [root, problems] of byField)
    out[root] = [...new Set(problems.map(({ field, problem }) => humanProblems(field, [problem])))].join(' ');
  return out;
}

/**
 * The same, one line per full field path (`priorities[1].milestones[0].dueDate`), for a form with repeated parts
 * that shows each message beside its own control.
 */
export function humanFieldErrorsByPath(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const problem of error.errors ?? []) out[problem.field] = humanProblems(problem.field, problem.problems);
  return out;
}

export function fieldErrorsOf(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const problem of error.errors ?? []) {
    const field = problem.field.split(/[.[]/)[0];
    out[field] = [out[field], ...problem.problems].filter(Boolean).join('; ');
  }
  return out;
}

/**
 * Form state around one API call: client-side checks first (`validate` returns messages by field), then the
 * call; a 400 puts the API's messages next to their fields, anything else shows above the form.
 */
export function useForm<T>(
  /** `idempotencyKey`: one per submission, for a create's Idempotency-Key header (a retry of a lost answer reuses it). */
  submitTo: (idempotencyKey: string) => Promise<T>,
  options: {
    validate?: () => FieldErrors;
    /** Back to empty values after a success, so a second click cannot send the same thing again. */
    reset?: () => void;
    onDone?: (result: T) => void;
    /** Key the API's messages by full field path rather than by top-level field (forms with repeated parts). */
    byPath?: boolean;
  } = {},
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The last success, for a confirmation message; any later submission clears it so it never sits beside an error.
  const [done, setDone] = useState<T | null>(null);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local = options.validate?.() ?? {};
    setErrors(local);
    setFormError(null);
    setDone(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      // A fresh key per submission: a retry of a lost answer reuses it (client), a new submission never does.
      const result = await submitTo(newIdempotencyKey());
      options.reset?.();
      setDone(result);
      options.onDone?.(result);
    } catch (caught) {
      const error = caught as ApiError;
      const byField = options.byPath ? humanFieldErrorsByPath(error) : humanFieldErrorsOf(error);
      setErrors(byField);
      setFormError(Object.keys(byField).length ? 'Please correct the fields marked below.' : error.message);
    } finally {
      setBusy(false);
    }
  }
  /** A field's message goes as soon as the person edits that field: it would describe a value no longer there. */
  function edited(field: string) {
    setErrors((current) => {
      if (!(field in current)) return current;
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  }
  return { errors, formError, busy, done, onSubmit, setFormError, edited };
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  ...input
}: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a11y) => <input {...input} {...a11y} />}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  ...input
}: { label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a11y) => <textarea rows={3} {...input} {...a11y} />}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: { label: string; error?: string; hint?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a11y) => (
        <select {...select} {...a11y}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A compact labelled filter control (label above, tied by id so the accessible name is just the label). */
export function Filter({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
