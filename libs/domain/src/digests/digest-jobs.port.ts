import type { DigestTrigger } from './digest.entity';

/** One recipient's digest for one ISO week of their timezone: the payload of one compose job. */
export interface ComposeDigestRequest {
  organizationId: string;
  userId: string;
  isoWeek: string;
  trigger: DigestTrigger;
  /** An admin's send-now with force: a second digest for a week that already has one. */
  force: boolean;
  /** Digests of one dispatch share loaded engagement facts (see DigestFactsRepository). */
  batch: string;
}

/** Implemented with BullMQ in libs/queue; called only after any transaction that caused it has committed. */
export abstract class DigestJobs {
  abstract compose(requests: readonly ComposeDigestRequest[]): Promise<void>;
}
