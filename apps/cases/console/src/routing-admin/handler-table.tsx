import { useI18n } from '../i18n';
import { languagesText, skillsText } from './handler-labels';
import type { Handler } from './types';
import { TableHead } from '../components/table-head';

/** The handlers with their skills, languages, whether they get cases, and their open cases; editors get edit and deactivate buttons. */
export function HandlerTable({
  handlers,
  editable,
  onEdit,
  onDeactivate,
}: {
  handlers: Handler[];
  editable: boolean;
  onEdit: (h: Handler) => void;
  onDeactivate: (h: Handler) => void;
}) {
  const texts = useI18n();
  const { t, label } = texts;
  return (
    <div class="table-wrap">
      <table class="handlers">
        <caption class="visually-hidden">{t('handlers.caption')}</caption>
        <TableHead
          columns={[
            t('handlers.col.id'),
            t('handlers.col.name'),
            t('handlers.col.department'),
            t('handlers.col.skills'),
            t('handlers.col.languages'),
            t('handlers.col.status'),
            t('handlers.col.openCases'),
            editable && t('handlers.col.actions'),
          ]}
        />
        <tbody>
          {handlers.map((h) => (
            <tr key={h.id} data-handler={h.id}>
              <th scope="row">{h.id}</th>
              <td>{h.name}</td>
              <td>{label('department', h.department)}</td>
              <td>{skillsText(h.skills, texts)}</td>
              <td>{languagesText(h.languages, texts)}</td>
              <td>
                <span class={`badge ${h.active ? 'handler-active' : 'handler-inactive'}`}>
                  {h.active ? t('handlers.status.active') : t('handlers.status.inactive')}
                </span>
              </td>
              <td class="number">{h.openCases}</td>
              {editable && (
                <td class="row-buttons">
                  <button type="button" aria-label={t('handlers.edit', { id: h.id })} onClick={() => onEdit(h)}>
                    {t('handlers.editShort')}
                  </button>
                  {h.active && (
                    <button type="button" aria-label={t('handlers.deactivate', { id: h.id })} onClick={() => onDeactivate(h)}>
                      {t('handlers.deactivateShort')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
