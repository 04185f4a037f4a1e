import { ApiProblem, requestJson } from '@complaints/web-ui';
import { DEPARTMENTS } from '@complaints/contracts/taxonomy';
import { useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import { key, useI18n } from '../i18n';
import { startOidcSignIn } from '../oidc';
import { sessionFromToken, type Session } from '../session';
import type { ConsoleConfig } from '../types';

export type SignInNotice = 'expired' | 'signedOut' | 'ssoFailed';

const ROLES = ['agent', 'supervisor', 'consumer-protection', 'admin', 'auditor'];

export function SignInPage({
  config,
  notice,
  ssoError,
  onSignedIn,
}: {
  config: ConsoleConfig;
  notice: SignInNotice | null;
  ssoError: string | null;
  onSignedIn: (session: Session) => void;
}) {
  const { t } = useI18n();
  const { development, oidc } = config.signIn;
  return (
    <section class="sign-in">
      <h1>{t('console.signIn')}</h1>
      {notice === 'expired' && (
        <div class="banner info" role="status">
          {t('signIn.expired')}
        </div>
      )}
      {notice === 'signedOut' && (
        <div class="banner info" role="status">
          {t('signIn.signedOut')}
        </div>
      )}
      {notice === 'ssoFailed' && (
        <div class="banner error" role="alert">
          {t('signIn.oidc.failed', { detail: ssoError ?? '' })}
        </div>
      )}
      <p>{t('signIn.intro')}</p>
      {oidc && (
        <section class="panel" aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">{t('signIn.oidc.heading')}</h2>
          <p class="hint">{t('signIn.oidc.note', { issuer: oidc.issuer })}</p>
          <button type="button" class="primary" onClick={() => void startOidcSignIn(oidc)}>
            {t('signIn.oidc.submit')}
          </button>
        </section>
      )}
      {development && <DevSignIn onSignedIn={onSignedIn} />}
      {!development && !oidc && (
        <div class="banner error" role="alert">
          {t('signIn.none')}
        </div>
      )}
    </section>
  );
}

function DevSignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t, label } = useI18n();
  const [sub, setSub] = useState('');
  const [roles, setRoles] = useState<string[]>(['agent']);
  const [departments, setDepartments] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<{ sub?: string; roles?: string }>({});
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = { sub: sub.trim() ? undefined : t('signIn.required'), roles: roles.length ? undefined : t('signIn.pickRole') };
    setLocal(missing);
    setError(null);
    if (missing.sub || missing.roles) return;
    setBusy(true);
    try {
      const { token } = await requestJson<{ token: string }>('/v1/auth/dev-sign-in', {
        method: 'POST',
        json: { sub: sub.trim(), roles, departments },
      });
      const session = sessionFromToken(token);
      if (!session) throw new Error('unreadable token');
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    local[field as 'sub' | 'roles'] ?? (error instanceof ApiProblem ? error.fieldMessage(field) : undefined);
  const subError = fieldError('sub');
  return (
    <section class="panel" aria-labelledby="dev-heading">
      <h2 id="dev-heading">{t('signIn.dev.heading')}</h2>
      <p class="hint">{t('signIn.dev.note')}</p>
      {error !== null && <ProblemBanner error={error} shownFields={['sub', 'roles', 'departments']} />}
      <form onSubmit={submit} noValidate>
        <Field id="sign-in-sub" label={t('signIn.sub')} hint={t('signIn.sub.hint')} error={subError}>
          <input
            id="sign-in-sub"
            name="sub"
            autocomplete="username"
            value={sub}
            onInput={(e) => setSub(e.currentTarget.value)}
            {...describedBy('sign-in-sub', t('signIn.sub.hint'), subError)}
          />
        </Field>
        <fieldset class="choices" aria-describedby={fieldError('roles') ? 'sign-in-roles-error' : undefined}>
          <legend>{t('signIn.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} class="choice">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={() => setRoles(toggle(roles, role))}
              />
              {t(key('role', role))}
            </label>
          ))}
          {fieldError('roles') && (
            <p class="error" id="sign-in-roles-error">
              {fieldError('roles')}
            </p>
          )}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('signIn.departments')}</legend>
          {DEPARTMENTS.map((department) => (
            <label key={department} class="choice">
              <input
                type="checkbox"
                name="departments"
                value={department}
                checked={departments.includes(department)}
                onChange={() => setDepartments(toggle(departments, department))}
              />
              {label('department', department)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
