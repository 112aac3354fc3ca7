import { useEffect, useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ApiError } from '../api/problem.ts';
import { FullPageError } from '../components/FullPageError.tsx';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import i18n, { rememberLocale } from '../i18n/i18n.ts';
import { useMeQuery } from './queries.ts';
import { makeSession, SessionContext } from './session-context.ts';

/** Renders its child routes only for a signed-in user; everyone else goes to /login. */
export function RequireSession() {
  const me = useMeQuery();
  const location = useLocation();
  const userLocale = me.data?.user.locale;

  useEffect(() => {
    // The language a user picked is stored on their account and follows them to any browser.
    if (userLocale && userLocale !== i18n.language) {
      void i18n.changeLanguage(userLocale);
      rememberLocale(userLocale);
    }
  }, [userLocale]);

  const session = useMemo(() => (me.data ? makeSession(me.data.user, me.data.permissions) : null), [me.data]);

  if (me.isPending) return <FullPageLoader />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
    }
    return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!session) return <FullPageLoader />;
  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  );
}
