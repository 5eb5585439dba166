import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { isInternal, useMe } from '../auth/session';
import { useTitle } from '../lib/use-title';
import { ImportSection } from './ImportPage';
import { SsoSettingsSection } from './SsoSettingsSection';
import { OrganizationSection } from './OrganizationSection';
import NewEngagementPage from './NewEngagementPage';
import {
  ClientsSection,
  EngagementsSection,
  ExecutivesSection,
  InvitationsSection,
  OwnersSection,
  PrioritiesSection,
  UsersSection,
} from './manage-sections';

export default function ManagePage() {
  const me = useMe();
  useTitle('Manage');
  if (!isInternal(me.role))
    return <p className="state state-error">Only admins and account managers manage the portfolio.</p>;
  return (
    <section>
      <h1>Manage</h1>
      <nav aria-label="Manage" className="tabs">
        <NavLink to="/manage/clients">Clients</NavLink>
        <NavLink to="/manage/executives">Executives</NavLink>
        <NavLink to="/manage/engagements">Engagements</NavLink>
        <NavLink to="/manage/owners">Owners</NavLink>
        <NavLink to="/manage/priorities">Priorities</NavLink>
        <NavLink to="/manage/import">Import and export</NavLink>
        {me.role === 'admin' ? <NavLink to="/manage/users">Users</NavLink> : null}
        {me.role === 'admin' ? <NavLink to="/manage/sso">Single sign-on</NavLink> : null}
        {me.role === 'admin' ? <NavLink to="/manage/organization">Organization</NavLink> : null}
        {me.role === 'account_manager' ? <NavLink to="/manage/invitations">Invitations</NavLink> : null}
      </nav>
      <Routes>
        <Route index element={<Navigate to="clients" replace />} />
        <Route path="clients" element={<ClientsSection />} />
        <Route path="executives" element={<ExecutivesSection />} />
        <Route path="engagements" element={<EngagementsSection />} />
        <Route path="engagements/new" element={<NewEngagementPage />} />
        <Route path="owners" element={<OwnersSection />} />
        <Route path="priorities" element={<PrioritiesSection />} />
        <Route path="import" element={<ImportSection />} />
        {me.role === 'admin' ? <Route path="users" element={<UsersSection />} /> : null}
        {me.role === 'admin' ? <Route path="sso" element={<SsoSettingsSection />} /> : null}
        {me.role === 'admin' ? <Route path="organization" element={<OrganizationSection />} /> : null}
        {me.role === 'account_manager' ? (
          <Route path="invitations" element={<InvitationsSection userId={me.id} />} />
        ) : null}
      </Routes>
    </section>
  );
}
