import { describedBy, Field } from './field';
import type { Translate } from './messages';

/**
 * The two fields that open a customer's own complaint on the status and survey pages: its reference
 * and the last four digits of the phone number given with it.
 */
export function ComplaintKeyFields(props: {
  t: Translate;
  reference: string;
  phoneLast4: string;
  errors: Record<string, string>;
  onReference: (value: string) => void;
  onPhoneLast4: (value: string) => void;
}) {
  const { t, errors } = props;
  return (
    <>
      <Field id="reference" label={t('status.reference')} hint={t('status.reference.hint')} error={errors.reference} required>
        <input
          id="reference"
          name="reference"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          value={props.reference}
          aria-required="true"
          aria-invalid={errors.reference ? 'true' : undefined}
          aria-describedby={describedBy('reference', true, errors.reference)}
          onInput={(e) => props.onReference(e.currentTarget.value)}
        />
      </Field>
      <Field id="phoneLast4" label={t('status.phoneLast4')} error={errors.phoneLast4} required>
        <input
          id="phoneLast4"
          name="phoneLast4"
          inputMode="numeric"
          autocomplete="off"
          maxLength={4}
          value={props.phoneLast4}
          aria-required="true"
          class="short"
          aria-invalid={errors.phoneLast4 ? 'true' : undefined}
          aria-describedby={describedBy('phoneLast4', false, errors.phoneLast4)}
          onInput={(e) => props.onPhoneLast4(e.currentTarget.value)}
        />
      </Field>
    </>
  );
}
