import { createHash } from 'node:crypto';

/**
 * The shapes of the benchmarks' data, as sizes. One organization shape describes every table of one organization;
 * a data set is groups of organizations of one shape each (the scale set: one large organization and 100 small ones,
 * so tenant filters matter). bench/scale/seed.ts turns a data set into set-based SQL.
 */
export interface OrganizationShape {
  name: string;
  /** Rotated over the group's organizations (the digest slot is 08:00 in each organization's timezone). */
  timezones: string[];
  admins: number;
  accountManagers: number;
  clientViewers: number;
  /** Viewer v is granted clients (v−1)·k+1 … (v−1)·k+k (wrapping around). */
  clientsPerViewer: number;
  /** Every executive also has a login (a digest recipient with the executive role). */
  executivesLogIn: boolean;
  clients: number;
  engagementsPerClient: number;
  executives: number;
  /** One engagement in ten paused and one in ten completed; otherwise all are active. */
  windingDown: boolean;
  ownersPerClient: number;
  prioritiesPerEngagement: number;
  milestonesPerPriority: number;
  /** A priority's milestones are due evenly from `firstDueDaysAgo` days ago over `dueSpanDays` days… */
  firstDueDaysAgo: number;
  dueSpanDays: number;
  /** …shifted forward by (priority number mod `dueJitterDays`) days, so not every priority has the same calendar. A
   * priority starts 18 days before its first milestone and ends 18 days after its last. */
  dueJitterDays: number;
  /** One milestone in `replanEvery` was moved forward 1 to 3 times (1.6 on average), a week each time (0: none). */
  replanEvery: number;
  /** One open milestone ahead in `forecastEvery` is forecast to be late. */
  forecastEvery: number;
  checkInsPerPriority: number;
  /** Days of drift score history per engagement (0: none). */
  snapshotDays: number;
  /** An open priority_stalled alert on two priorities in three (what a digest and the portfolio show). */
  openAlerts: boolean;
}

export interface OrganizationGroup {
  /** Part of every id and e-mail address of the group: lower-case letters, digits and dashes. */
  tag: string;
  count: number;
  shape: OrganizationShape;
}

export interface DataSet {
  /** `scale`, `scale.small`, …: part of every organization id, so each data set knows its own organizations. */
  key: string;
  groups: OrganizationGroup[];
}

export type PresetName = 'scale' | 'drift' | 'digest' | 'web';
export type PresetSize = 'full' | 'small';

/** Every seeded user logs in with this password (bench data, never production). */
export const BENCH_PASSWORD = 'scale-seed-password';
export const BENCH_EMAIL_DOMAIN = 'bench.throughline.test';

const NONE = {
  forecastEvery: 23,
  clientViewers: 0,
  clientsPerViewer: 0,
  executivesLogIn: false,
  windingDown: false,
  replanEvery: 0,
  snapshotDays: 0,
  openAlerts: false,
};

/** The large organization of issue 7: 1,000 clients, 3,000 engagements, 15,000 priorities, 150,000 milestones. */
const LARGE: OrganizationShape = {
  ...NONE,
  name: 'Scale Fractional (large)',
  timezones: ['UTC'],
  admins: 1,
  accountManagers: 20,
  clientViewers: 50,
  clientsPerViewer: 3,
  clients: 1_000,
  engagementsPerClient: 3,
  executives: 600,
  windingDown: true,
  ownersPerClient: 3,
  prioritiesPerEngagement: 5,
  milestonesPerPriority: 10,
  firstDueDaysAgo: 72,
  dueSpanDays: 162,
  dueJitterDays: 30,
  replanEvery: 3,
  checkInsPerPriority: 4,
  snapshotDays: 30,
};
/** Each of the 100 small organizations: an admin, an account manager, 5 clients, 10 engagements. */
const SMALL: OrganizationShape = {
  ...NONE,
  name: 'Scale Small',
  timezones: ['UTC', 'Europe/Paris', 'America/New_York'],
  admins: 1,
  accountManagers: 1,
  clients: 5,
  engagementsPerClient: 2,
  executives: 3,
  ownersPerClient: 1,
  prioritiesPerEngagement: 3,
  milestonesPerPriority: 5,
  firstDueDaysAgo: 24,
  dueSpanDays: 144,
  dueJitterDays: 0,
  checkInsPerPriority: 2,
};
/** bench:drift's own organization: 1,000 engagements, 5,000 priorities, 1,000,000 milestones (10% open and overdue). */
const DRIFT: OrganizationShape = {
  ...NONE,
  name: 'Bench Fractional',
  timezones: ['UTC'],
  admins: 1,
  accountManagers: 5,
  clients: 200,
  engagementsPerClient: 5,
  executives: 1_000,
  ownersPerClient: 2,
  prioritiesPerEngagement: 5,
  milestonesPerPriority: 200,
  firstDueDaysAgo: 90,
  dueSpanDays: 179,
  dueJitterDays: 0,
  replanEvery: 50,
  forecastEvery: 100,
  checkInsPerPriority: 4,
};
/** bench:digest's own organization: 10,000 recipients (BENCH_VIEWERS client viewers) over 200 engagements. */
const DIGEST: OrganizationShape = {
  ...NONE,
  name: 'Bench Digests',
  timezones: ['UTC'],
  admins: 10,
  accountManagers: 90,
  executivesLogIn: true,
  clientViewers: Number(process.env.BENCH_VIEWERS ?? 9_700),
  clientsPerViewer: 1,
  clients: 200,
  engagementsPerClient: 1,
  executives: 200,
  ownersPerClient: 1,
  prioritiesPerEngagement: 3,
  milestonesPerPriority: 10,
  firstDueDaysAgo: 41,
  dueSpanDays: 81,
  dueJitterDays: 0,
  replanEvery: 20,
  checkInsPerPriority: 2,
  snapshotDays: 56,
  openAlerts: true,
};
/** bench:web's portfolio: 200 engagements of 50 clients, 3 priorities and 4 milestones each. */
const WEB: OrganizationShape = {
  ...NONE,
  name: 'Web Bench',
  timezones: ['UTC'],
  admins: 1,
  accountManagers: 0,
  clients: 50,
  engagementsPerClient: 4,
  executives: 50,
  ownersPerClient: 1,
  prioritiesPerEngagement: 3,
  milestonesPerPriority: 4,
  firstDueDaysAgo: 30,
  dueSpanDays: 90,
  dueJitterDays: 0,
  replanEvery: 20,
  checkInsPerPriority: 2,
  snapshotDays: 56,
  openAlerts: true,
};

const PRESETS: Record<PresetName, Record<PresetSize, OrganizationGroup[]>> = {
  scale: {
    full: [
      { tag: 'large', count: 1, shape: LARGE },
      { tag: 'small', count: 100, shape: SMALL },
    ],
    small: [
      {
        tag: 'large',
        count: 1,
        shape: { ...LARGE, clients: 40, executives: 30, accountManagers: 3, clientViewers: 3 },
      },
      { tag: 'small', count: 5, shape: SMALL },
    ],
  },
  drift: {
    full: [{ tag: 'org', count: 1, shape: DRIFT }],
    small: [{ tag: 'org', count: 1, shape: { ...DRIFT, clients: 10, executives: 50, milestonesPerPriority: 20 } }],
  },
  digest: {
    full: [{ tag: 'org', count: 1, shape: DIGEST }],
    small: [{ tag: 'org', count: 1, shape: { ...DIGEST, clients: 20, executives: 20, clientViewers: 200 } }],
  },
  // The portfolio page is measured with its 200 rows: the small size is the same.
  web: { full: [{ tag: 'org', count: 1, shape: WEB }], small: [{ tag: 'org', count: 1, shape: WEB }] },
};

/** BENCH_SIZE=small: every benchmark on a few thousand rows, to check it works end to end (figures meaningless). */
export function benchSize(): PresetSize {
  const size = process.env.BENCH_SIZE ?? 'full';
  if (size !== 'full' && size !== 'small') throw new Error(`BENCH_SIZE must be "full" or "small", not "${size}"`);
  return size;
}

export function dataSet(name: PresetName, size: PresetSize = benchSize()): DataSet {
  return { key: size === 'full' ? name : `${name}.${size}`, groups: PRESETS[name][size] };
}

/** md5 of a text as a version-4 uuid: the same as the SQL's uuidOf (the API's UUID validation accepts it). */
export function uuidOf(text: string): string {
  const md5 = createHash('md5').update(text).digest('hex');
  const hex = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Organization o (1-based) of a group. */
export function organizationId(set: DataSet, tag: string, o = 1): string {
  return uuidOf(`${set.key}:${tag}:${o}`);
}

export function organizationIds(set: DataSet): string[] {
  return set.groups.flatMap((g) => Array.from({ length: g.count }, (_, i) => organizationId(set, g.tag, i + 1)));
}

/** The e-mail domain of organization o of a group: `large-1.scale.bench.throughline.test`. */
export function emailDomain(set: DataSet, tag: string, o = 1): string {
  return `${tag}-${o}.${set.key.replace(/\./g, '-')}.${BENCH_EMAIL_DOMAIN}`;
}

export type Role = 'admin' | 'am' | 'viewer' | 'exec';

/** The login of user n of a role in organization o of a group. */
export function emailOf(set: DataSet, tag: string, role: Role, n = 1, o = 1): string {
  return `${role}-${n}@${emailDomain(set, tag, o)}`;
}

export function usersPerOrganization(shape: OrganizationShape): number {
  return shape.admins + shape.accountManagers + shape.clientViewers + (shape.executivesLogIn ? shape.executives : 0);
}
