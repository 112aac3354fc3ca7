import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageError } from '../components/FullPageError.tsx';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { useSetupStatusQuery } from './queries.ts';

/** Sends a fresh install to /setup, and keeps /setup closed once it is done. */
export function SetupGate() {
  const status = useSetupStatusQuery();
  const { pathname } = useLocation();

  if (status.isPending) return <FullPageLoader />;
  if (status.error) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;
  const onSetupPage = pathname === '/setup';
  if (status.data.needsSetup && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetupPage) return <Navigate to="/login" replace />;
  return <Outlet />;
}
