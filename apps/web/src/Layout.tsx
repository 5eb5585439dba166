import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { isInternal, useMe, useSession } from './auth/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/states';

const ROLE_LABELS = {
  admin: 'Admin',
  account_manager: 'Account manager',
  executive: 'Executive',
  client_viewer: 'Client',
} as const;

export function Layout() {
  const me = useMe();
  const { logout } = useSession();
  const internal = isInternal(me.role);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a navigation, keyboard and screen-reader users continue from the new page's content, not the old link.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Throughline</span>
        <nav aria-label="Main">
          <NavLink to="/portfolio">{internal ? 'Portfolio' : 'Engagements'}</NavLink>
          {me.role !== 'client_viewer' ? <NavLink to="/alerts">Alerts</NavLink> : null}
          {internal ? <NavLink to="/manage">Manage</NavLink> : null}
          {internal ? <NavLink to="/playbooks">Playbooks</NavLink> : null}
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <span className="who">
          <span>
            {me.name} <span className="muted">({ROLE_LABELS[me.role]})</span>
          </span>
          <button type="button" onClick={() => void logout()}>
            Log out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading what="the page" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
