import { CoreSchema1764000000000 } from './1764000000000-CoreSchema';
import { DriftAlerts1764100000000 } from './1764100000000-DriftAlerts';
import { AlertBatches1764150000000 } from './1764150000000-AlertBatches';
import { Digests1764200000000 } from './1764200000000-Digests';
import { AuthHardening1764300000000 } from './1764300000000-AuthHardening';
import { RowLevelSecurity1764400000000 } from './1764400000000-RowLevelSecurity';
import { OutboxHandOver1764600000000 } from './1764600000000-OutboxHandOver';
import { OutboxLease1764700000000 } from './1764700000000-OutboxLease';
import { SignupVerification1764800000000 } from './1764800000000-SignupVerification';
import { MilestoneHistoryOrder1764810000000 } from './1764810000000-MilestoneHistoryOrder';
import { IdempotencyKeys1764820000000 } from './1764820000000-IdempotencyKeys';
import { Invitations1765000000000 } from './1765000000000-Invitations';
import { Playbooks1765100000000 } from './1765100000000-Playbooks';
import { EngagementTerm1765200000000 } from './1765200000000-EngagementTerm';
import { ReplanCategory1765201000000 } from './1765201000000-ReplanCategory';
import { MilestoneForecasts1765300000000 } from './1765300000000-MilestoneForecasts';
import { ImportKeysAndCalendarTokens1765400000000 } from './1765400000000-ImportKeysAndCalendarTokens';
import { TeamsWebhooks1765500000000 } from './1765500000000-TeamsWebhooks';
import { ApiTokens1765501000000 } from './1765501000000-ApiTokens';
import { SingleSignOn1765502000000 } from './1765502000000-SingleSignOn';
import { EngagementRollups1765600000000 } from './1765600000000-EngagementRollups';
import { Reports1765800000000 } from './1765800000000-Reports';
import { CheckInLoop1766100000000 } from './1766100000000-CheckInLoop';
import { CheckInBlockerItems1766200000000 } from './1766200000000-CheckInBlockerItems';
import { ClientPulse1766210000000 } from './1766210000000-ClientPulse';
import { PulseEmail1766220000000 } from './1766220000000-PulseEmail';
import { ExecutiveChanges1766300000000 } from './1766300000000-ExecutiveChanges';
import { AlertEmailOptOuts1766400000000 } from './1766400000000-AlertEmailOptOuts';
import { ClientPulseRequests1766800000000 } from './1766800000000-ClientPulseRequests';
import { ForecastMoves1766900000000 } from './1766900000000-ForecastMoves';

/** Every migration, in order. `npm run migration:generate` writes a file here: add its class to this list. */
export const migrations = [
  CoreSchema1764000000000,
  DriftAlerts1764100000000,
  AlertBatches1764150000000,
  Digests1764200000000,
  AuthHardening1764300000000,
  RowLevelSecurity1764400000000,
  OutboxHandOver1764600000000,
  OutboxLease1764700000000,
  SignupVerification1764800000000,
  MilestoneHistoryOrder1764810000000,
  IdempotencyKeys1764820000000,
  Invitations1765000000000,
  Playbooks1765100000000,
  EngagementTerm1765200000000,
  ReplanCategory1765201000000,
  MilestoneForecasts1765300000000,
  ImportKeysAndCalendarTokens1765400000000,
  TeamsWebhooks1765500000000,
  ApiTokens1765501000000,
  SingleSignOn1765502000000,
  EngagementRollups1765600000000,
  Reports1765800000000,
  CheckInLoop1766100000000,
  CheckInBlockerItems1766200000000,
  ClientPulse1766210000000,
  PulseEmail1766220000000,
  ExecutiveChanges1766300000000,
  AlertEmailOptOuts1766400000000,
  ClientPulseRequests1766800000000,
  ForecastMoves1766900000000,
];
