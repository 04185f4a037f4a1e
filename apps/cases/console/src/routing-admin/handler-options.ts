import { ApiProblem } from '@complaints/web-ui';
import type { ActionOption, LoadedOptions, OptionsLoader } from '../case-actions';
import type { ConsoleApi } from '../console-api';
import { canReadRules, type Session } from '../session';
import type { Handler, HandlerList } from './types';

/** A department's active handlers as assignee choices: fewest open cases first (as the router picks), then by id. */
export function handlerOptions(handlers: readonly Handler[]): ActionOption[] {
  return handlers
    .filter((h) => h.active)
    .sort((a, b) => a.openCases - b.openCases || a.id.localeCompare(b.id))
    .map((h) => ({ value: h.id, label: 'assign.option', values: { name: h.name, id: h.id, open: h.openCases } }));
}

/**
 * The `department-handlers` options source: the case department's active handlers from the router, for
 * those who may read them; anyone else, or when the router cannot answer, types the staff id.
 */
export function departmentHandlers(api: ConsoleApi, routerUrl: string, session: Session): OptionsLoader {
  return {
    pending: () => ({ key: 'assign.loading' }),
    async load(current): Promise<LoadedOptions> {
      if (!canReadRules(session)) return { options: [], hint: { key: 'assign.why.forbidden' } };
      try {
        const list = await api.get<HandlerList>(`${routerUrl}/v1/routing/handlers?department=${encodeURIComponent(current.department)}`);
        const options = handlerOptions(list.items);
        return { options, hint: { key: options.length ? 'assign.choose' : 'assign.why.none' } };
      } catch (error) {
        return {
          options: [],
          hint: { key: error instanceof ApiProblem && error.status === 403 ? 'assign.why.forbidden' : 'assign.why.unreachable' },
        };
      }
    },
  };
}
