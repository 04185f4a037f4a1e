/** A signed-in member of staff: the bearer token and what it says about them. */
export interface Session {
  token: string;
  sub: string;
  roles: string[];
  departments: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'staff-session';

/** Reads the claims of a staff JWT (the services verify its signature; the console only needs to know who and until when). */
export function sessionFromToken(token: string): Session | null {
  try {
    const payload = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as {
      sub?: unknown;
      roles?: unknown;
      departments?: unknown;
      exp?: unknown;
    };
    if (
      typeof payload.sub !== 'string' ||
      !Array.isArray(payload.roles) ||
      !Array.isArray(payload.departments) ||
      typeof payload.exp !== 'number'
    )
      return null;
    return {
      token,
      sub: payload.sub,
      roles: payload.roles.map(String),
      departments: payload.departments.map(String),
      expiresAt: payload.exp * 1000,
    };
  } catch {
    return null;
  }
}

function decodeBase64Url(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** The session of this browser tab (sessionStorage: gone when the tab closes), or null. */
export function storedSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token ? sessionFromToken(token) : null;
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt <= now;
}

/** Roles that see every department's cases (the cases service's rule). */
export function seesAllDepartments(session: Session): boolean {
  return session.roles.some((r) => r === 'admin' || r === 'auditor' || r === 'consumer-protection');
}

/** Roles that may read and dry-run the routing rules; only admins change them (the router's rule). */
export const RULE_READERS = ['admin', 'supervisor', 'auditor'];
export const canReadRules = (s: Session) => s.roles.some((r) => RULE_READERS.includes(r));
export const canEditRules = (s: Session) => s.roles.includes('admin');

/** Roles that see every department's figures on the dashboard; agents and supervisors see their own departments' (the same rule as for cases). */
export const seesAllFigures = seesAllDepartments;
