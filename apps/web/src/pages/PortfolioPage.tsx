import { memo, useMemo } from 'react';
import { Filter } from '../components/forms';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { isInternal, useMe } from '../auth/session';
import { ClientSummaries } from './client-summary';
import { DriftSparkline } from '../components/DriftSparkline';
import { HealthVsRag, type Health } from '../components/HealthBadge';
import { EXPLAIN, Legend } from '../components/Legend';
import { Empty, ErrorState, Loading } from '../components/states';
import { ageOf, formatDate, percent, plural } from '../lib/format';
import { useLoad } from '../lib/use-load';
import { CheckInDisciplineSection } from './check-in-discipline';
import { useQueryState } from '../lib/use-query-state';
import { useTitle } from '../lib/use-title';
import { isAttentionReason, NeedsAttention, needsAttention } from './needs-attention';

type Item = Schemas['PortfolioItemView'];
const PAGE = 100;

/** Every page of the portfolio (the API pages by 100), fetched in parallel after the first. */
export async function loadPortfolio(): Promise<Item[]> {
  const page = (offset: number) =>
    unwrap(api.GET('/api/v1/portfolio', { params: { query: { limit: PAGE, offset, sort: 'drift', order: 'desc' } } }));
  const first = await page(0);
  const rest = await Promise.all(
    Array.from({ length: Math.ceil(first.total / PAGE) - 1 }, (_, i) => page((i + 1) * PAGE)),
  );
  return [first, ...rest].flatMap((p) => p.items);
}

/** The renewal window of the portfolio's "Renewing within 60 days" filter (issue 17). */
export const RENEWAL_WINDOW_DAYS = 60;

/** The engagements renewing within the window, as the API decides it (in the organization's timezone). */
async function loadRenewing(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(
      api.GET('/api/v1/portfolio', {
        params: { query: { limit: PAGE, offset, renewingWithinDays: RENEWAL_WINDOW_DAYS } },
      }),
    );
    page.items.forEach((i) => ids.add(i.engagementId));
    if (offset + PAGE >= page.total) return ids;
  }
}

// An engagement's health is never an outcome (achieved/dropped); listed last only to complete the record.
const HEALTH_ORDER: Record<Health, number> = {
  overdue: 0,
  off_track: 1,
  at_risk: 2,
  on_track: 3,
  achieved: 4,
  dropped: 4,
};
type Sort = 'drift' | 'health' | 'nextDue';

export function sortItems(items: Item[], sort: Sort): Item[] {
  const byDrift = (a: Item, b: Item) => (b.driftScore ?? -1) - (a.driftScore ?? -1);
  const compare: Record<Sort, (a: Item, b: Item) => number> = {
    drift: byDrift,
    health: (a, b) =>
      (a.health ? HEALTH_ORDER[a.health] : 9) - (b.health ? HEALTH_ORDER[b.health] : 9) || byDrift(a, b),
    nextDue: (a, b) =>
      (a.nextMilestone?.dueDate ?? '9999').localeCompare(b.nextMilestone?.dueDate ?? '9999') || byDrift(a, b),
  };
  return [...items].sort(compare[sort]);
}

export default function PortfolioPage() {
  const me = useMe();
  const internal = isInternal(me.role);
  const portfolio = useLoad(loadPortfolio, []);
  useTitle(internal ? 'Portfolio' : 'Your engagements');
  const [search, setSearch] = useQueryState<string>('q', '');
  const [client, setClient] = useQueryState<string>('client', '');
  const [fn, setFn] = useQueryState<string>('function', '');
  const [health, setHealth] = useQueryState<string>('health', '');
  const [manager, setManager] = useQueryState<string>('manager', '');
  const [sort, setSort] = useQueryState<Sort>('sort', 'drift');
  const [renewal, setRenewal] = useQueryState<string>('renewal', '');
  const [attention, setAttention] = useQueryState<string>('attention', '');
  const renewing = useLoad(() => (renewal ? loadRenewing() : Promise.resolve(null)), [renewal]);

  const items = portfolio.data ?? [];
  const clients = useMemo(
    () => [...new Map(items.map((i) => [i.clientId, i.clientName])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    [items],
  );
  const managers = useMemo(
    () => [
      ...new Map(
        items.filter((i) => i.accountManagerId).map((i) => [i.accountManagerId!, i.accountManagerName ?? '']),
      ).entries(),
    ],
    [items],
  );
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return sortItems(
      items.filter(
        (i) =>
          (!client || i.clientId === client) &&
          (!fn || i.function === fn) &&
          (!health || (health === 'none' ? i.health === null : i.health === health)) &&
          (!manager || i.accountManagerId === manager) &&
          (!renewal || (renewing.data?.has(i.engagementId) ?? false)) &&
          (!isAttentionReason(attention) || needsAttention(i, attention)) &&
          (!needle ||
            [i.clientName, i.executiveName, i.function, i.nextMilestone?.title ?? ''].some((text) =>
              text.toLowerCase().includes(needle),
            )),
      ),
      sort,
    );
  }, [items, search, client, fn, health, manager, sort, renewal, renewing.data, attention]);

  return (
    <section>
      <h1>{internal ? 'Portfolio' : 'Your engagements'}</h1>
      {me.role === 'client_viewer' ? <ClientSummaries /> : null}
      {portfolio.state === 'loading' ? <Loading what="the portfolio" /> : null}
      {portfolio.state === 'error' ? <ErrorState error={portfolio.error} retry={portfolio.reload} /> : null}
      {portfolio.data ? (
        <>
          {internal && items.length > 0 ? (
            <NeedsAttention items={items} value={attention} onChange={setAttention} />
          ) : null}
          {internal ? (
            <form
              className="filters"
              role="search"
              aria-label="Filter the portfolio"
              onSubmit={(e) => e.preventDefault()}
            >
              <Filter label="Search">
                {(id) => (
                  <>
                    <input
                      id={id}
                      type="search"
                      value={search}
                      onChange={(e) => setSearch(e.target.value)}
                      placeholder="Client, executive, milestone"
                    />
                  </>
                )}
              </Filter>
              <Filter label="Client">
                {(id) => (
                  <>
                    <select id={id} value={client} onChange={(e) => setClient(e.target.value)}>
                      <option value="">All clients</option>
                      {clients.map(([id, name]) => (
                        <option key={id} value={id}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </Filter>
              <Filter label="Function">
                {(id) => (
                  <>
                    <select id={id} value={fn} onChange={(e) => setFn(e.target.value)}>
                      <option value="">All</option>
                      <option>CRO</option>
                      <option>CMO</option>
                      <option>CPO</option>
                    </select>
                  </>
                )}
              </Filter>
              <Filter label="Health">
                {(id) => (
                  <>
                    <select id={id} value={health} onChange={(e) => setHealth(e.target.value)}>
                      <option value="">Any</option>
                      <option value="overdue">Overdue</option>
                      <option value="off_track">Off track</option>
                      <option value="at_risk">At risk</option>
                      <option value="on_track">On track</option>
                      <option value="none">No active priorities</option>
                    </select>
                  </>
                )}
              </Filter>
              <Filter label="Account manager">
                {(id) => (
                  <>
                    <select id={id} value={manager} onChange={(e) => setManager(e.target.value)}>
                      <option value="">Anyone</option>
                      {managers.map(([id, name]) => (
                        <option key={id} value={id}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </Filter>
              <Filter label="Renewal">
                {(id) => (
                  <>
                    <select id={id} value={renewal} onChange={(e) => setRenewal(e.target.value)}>
                      <option value="">Any</option>
                      <option value="soon">Renewing within {RENEWAL_WINDOW_DAYS} days</option>
                    </select>
                  </>
                )}
              </Filter>
              <Filter label="Sort by">
                {(id) => (
                  <>
                    <select id={id} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                      <option value="drift">Drift (worst first)</option>
                      <option value="health">Health (worst first)</option>
                      <option value="nextDue">Next due</option>
                    </select>
                  </>
                )}
              </Filter>
            </form>
          ) : null}
          <p className="muted" aria-live="polite">
            {shown.length} of {plural(items.length, 'engagement', 'engagements')}
          </p>
          {items.length === 0 ? (
            <Empty>
              {internal
                ? 'No engagements yet. Create a client and an engagement under Manage.'
                : 'No engagements are shared with you yet.'}
            </Empty>
          ) : shown.length === 0 ? (
            <Empty>No engagement matches these filters.</Empty>
          ) : (
            <>
              <Legend items={['headline', 'drift']} />
              <table className="portfolio">
                <thead>
                  <tr>
                    <th scope="col">Engagement</th>
                    <th scope="col">Status</th>
                    <th scope="col" title={EXPLAIN.headline}>
                      Health
                    </th>
                    <th scope="col">Progress</th>
                    <th scope="col" title={EXPLAIN.drift}>
                      Drift
                    </th>
                    <th scope="col">Open alerts</th>
                    <th scope="col">Next milestone</th>
                    <th scope="col">Last check-in</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((item) => (
                    <PortfolioRow key={item.engagementId} item={item} />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      ) : null}
      {internal || me.role === 'executive' ? <CheckInDisciplineSection /> : null}
    </section>
  );
}

// Memoized: filtering re-renders only the table, not the rows that stay.
const PortfolioRow = memo(function PortfolioRow({ item }: { item: Item }) {
  const alerts = item.openAlerts;
  return (
    <tr data-testid="portfolio-row">
      <td data-label="Engagement">
        <Link to={`/engagements/${item.engagementId}`} className="strong">
          {item.clientName} · {item.function}
        </Link>
        <div className="muted">
          {item.executiveName}
          {item.daysPerWeek !== undefined ? ` · ${item.daysPerWeek} d/wk` : ''}
          {item.accountManagerName ? ` · AM ${item.accountManagerName}` : ''}
        </div>
        {item.executiveChangedOn ? (
          <div className="pill" data-testid="executive-changed">
            New executive since {formatDate(item.executiveChangedOn)}
          </div>
        ) : null}
      </td>
      <td data-label="Status">
        {item.status}
        {item.renewalDate ? <div className="muted">renews {formatDate(item.renewalDate)}</div> : null}
      </td>
      <td data-label="Health">
        <HealthVsRag
          headline={item.headline}
          health={item.health}
          reportedRag={item.reportedRag}
          disagrees={item.ragDisagrees}
          note={item.healthNote}
        />
      </td>
      <td data-label="Progress">
        {item.priorityCounts.active ? `${percent(item.progress)} of ${percent(item.expectedProgress)} expected` : '—'}
        {item.overdueMilestones ? <div className="text-red">{item.overdueMilestones} overdue</div> : null}
      </td>
      <td data-label="Drift">
        <span className="drift-score">{item.driftScore ?? '—'}</span>{' '}
        <DriftSparkline points={item.driftTrend} label={`${item.clientName} ${item.function}`} />
      </td>
      <td data-label="Open alerts">
        {alerts.critical + alerts.warning + alerts.info === 0 ? (
          <span className="muted">none</span>
        ) : (
          <span className="alert-counts">
            {alerts.critical ? <span className="pill pill-red">{alerts.critical} critical</span> : null}
            {alerts.warning ? <span className="pill pill-amber">{alerts.warning} warning</span> : null}
            {alerts.info ? <span className="pill pill-none">{alerts.info} info</span> : null}
          </span>
        )}
      </td>
      <td data-label="Next milestone">
        {item.nextMilestone ? `${item.nextMilestone.title} (${formatDate(item.nextMilestone.dueDate)})` : '—'}
      </td>
      <td data-label="Last check-in">{ageOf(item.lastCheckInAt)}</td>
    </tr>
  );
});
