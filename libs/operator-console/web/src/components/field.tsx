import type { ComponentChildren } from 'preact';

/**
 * A labelled form field with the API's validation message beside it (linked to the input by
 * aria-describedby and marked aria-invalid, so screen readers announce it with the field).
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The aria attributes that tie an input to its Field's hint and error. */
export const described = (id: string, error?: string, hint?: string) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});
