import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useTimezone } from '../auth/session';
import { ErrorState, Loading } from '../components/states';
import { formatInstant } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { AlertItem } from './AlertsPage';

/** One alert, where alert emails link for alerts that belong to no engagement (e.g. an owner's overload). */
export default function AlertPage() {
  const { id = '' } = useParams();
  const zone = useTimezone();
  const alert = useLoad(() => unwrap(api.GET('/api/v1/alerts/{id}', { params: { path: { id } } })), [id]);
  return (
    <section>
      <p>
        <Link to="/alerts">All alerts</Link>
      </p>
      <h1>Alert</h1>
      {alert.state === 'loading' ? <Loading what="the alert" /> : null}
      {alert.state === 'error' ? <ErrorState error={alert.error} retry={alert.reload} /> : null}
      {alert.data ? (
        <>
          <ul className="alerts-inbox">
            <AlertItem alert={alert.data} onChange={alert.reload} />
          </ul>
          <p className="muted">About: {alert.data.subjectType}</p>
          <h2>History</h2>
          <ul className="plain-list">
            {alert.data.history.map((event, i) => (
              <li key={i}>
                {formatInstant(event.at, zone)} · {event.kind.replaceAll('_', ' ')} · {event.severity}
                {event.note ? <> · {event.note}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
