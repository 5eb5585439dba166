import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, refreshSession, tokens, unwrap, type Schemas } from '../api/client';

export type Me = Schemas['MeView'];
export type Role = Me['role'];

interface Session {
  /** undefined while the stored session is being restored. */
  me: Me | null | undefined;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Forgets this browser's session without asking the API, for when the API has just ended it (password change). */
  forget(notice: string): void;
  /** Why the last session ended, for the login page to say. */
  notice: string | null;
  reloadMe(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const reloadMe = useCallback(async () => {
    setMe(await unwrap(api.GET('/api/v1/me')));
  }, []);

  useEffect(() => {
    tokens.onSessionLost(() => setMe(null));
    // A reload keeps the session: the stored refresh token buys a new access token.
    (async () => {
      if (tokens.refreshToken() && (await refreshSession())) {
        try {
          await reloadMe();
          return;
        } catch {
          // fall through to the login page
        }
      }
      setMe(null);
    })();
  }, [reloadMe]);

  const login = useCallback(
    async (email: string, password: string) => {
      const session = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      tokens.set(session);
      setNotice(null);
      await reloadMe();
    },
    [reloadMe],
  );

  const logout = useCallback(async () => {
    const refreshToken = tokens.refreshToken();
    try {
      await api.POST('/api/v1/auth/logout', { body: refreshToken ? { refreshToken } : {} });
    } finally {
      tokens.clear();
      setMe(null);
    }
  }, []);

  const forget = useCallback((why: string) => {
    tokens.clear();
    setNotice(why);
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, notice, login, logout, forget, reloadMe }),
    [me, notice, login, logout, forget, reloadMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (inside the authenticated layout only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export const isInternal = (role: Role) => role === 'admin' || role === 'account_manager';

/** The timezone instants are shown in: the user's own, else the organization's. */
export function useTimezone(): string {
  const me = useMe();
  return me.timezone ?? me.organizationTimezone;
}
