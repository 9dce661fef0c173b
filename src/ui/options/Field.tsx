import type { ComponentChildren } from 'preact';

/** A labelled control with its help and its error tied to it through aria-describedby. */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string | undefined;
  error?: string | null | undefined;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}) {
  const described = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={error ? 'rr-field rr-field--error' : 'rr-field'}>
      <label for={id}>{label}</label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {help && (
        <p id={`${id}-help`} class="rr-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="rr-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
