import { ApiProblem, requestJson } from '@complaints/web-ui';
import type { Session } from './session';

/** Staff API calls with the session's bearer token; a 401 ends the session (expired or revoked token). */
export interface ConsoleApi {
  get<T>(url: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', url: string, json: unknown): Promise<T>;
}

export function consoleApi(session: Session, onUnauthorized: () => void): ConsoleApi {
  const call = async <T>(url: string, init: RequestInit & { json?: unknown }): Promise<T> => {
    try {
      return await requestJson<T>(url, { ...init, headers: { authorization: `Bearer ${session.token}` } });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) onUnauthorized();
      throw error;
    }
  };
  return {
    get: (url) => call(url, { method: 'GET' }),
    send: (method, url, json) => call(url, { method, json }),
  };
}
