import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, type Session, unwrap } from '../api/client';

type SessionState = {
  /** Undefined while the first answer is on its way. */
  session: Session | undefined;
  refresh: () => Promise<void>;
};

const SessionContext = createContext<SessionState>({ session: undefined, refresh: async () => {} });

/** Who is signed in, their role and what they may do; asked once and after sign-in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setSession(unwrap(await api.GET('/api/v1/session')));
    } catch {
      // Leave the previous state; pages show their own errors.
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, refresh }), [session, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** A same-site path to return to after signing in ("/insatser?x=1"); anything else becomes "/". */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
