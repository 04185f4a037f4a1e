import type { ComponentChildren } from 'preact';

/** The ids that tie a field to its hint and error, for aria-describedby. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * A labelled form field: the label, the control (given the ids), a hint and an error message that
 * the control names in aria-describedby; required fields are marked for sight and for screen readers.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required && (
          <span aria-hidden="true" class="required">
            {' '}
            *
          </span>
        )}
      </label>
      {props.children}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field; focused when it appears. */
export function ErrorSummary(props: {
  title: string;
  items: Array<{ id: string; message: string }>;
  other?: string;
  summaryRef: { current: HTMLDivElement | null };
}) {
  return (
    <div class="banner error" role="alert" tabIndex={-1} ref={props.summaryRef} id="error-summary">
      <p class="banner-title">{props.title}</p>
      {props.items.length > 0 && (
        <ul>
          {props.items.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.id)?.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.other && <p>{props.other}</p>}
    </div>
  );
}
