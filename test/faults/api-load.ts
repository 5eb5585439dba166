import type { HttpResponse, Tenant } from '@test/support';

/** One request of the load: what it wrote, what came back, and when. */
export interface LoadResult {
  kind: 'check-in' | 'milestone' | 'read';
  status: number;
  /** The JSON error code of a non-2xx answer, or the network error's message (status 0). */
  code?: string;
  contentType: string | null;
  startedAt: number;
  ms: number;
  /** The id a 2xx write answered: it must be in the database afterwards. */
  id?: string;
}

export interface Load {
  results: LoadResult[];
  stop(): Promise<void>;
}

/**
 * `concurrency` loops writing check-ins and milestones (and reading a list) as the tenant's manager until
 * stopped. Every answer is recorded; a network error counts as status 0.
 */
export function startWriteLoad(tenant: Tenant, options: { concurrency: number; dueDate: string }): Load {
  const results: LoadResult[] = [];
  let running = true;
  let n = 0;
  const once = async (): Promise<void> => {
    const i = n++;
    const kind: LoadResult['kind'] = i % 5 === 4 ? 'read' : i % 2 === 0 ? 'check-in' : 'milestone';
    const startedAt = Date.now();
    let response: HttpResponse | undefined;
    let failure: string | undefined;
    try {
      response =
        kind === 'check-in'
          ? await tenant.manager.post(`/priorities/${tenant.a.priorityId}/check-ins`, {
              rag: 'on_track',
              confidence: 7,
              note: `Load check-in ${i}`,
            })
          : kind === 'milestone'
            ? await tenant.manager.post(`/priorities/${tenant.b.priorityId}/milestones`, {
                title: `Load milestone ${i}`,
                dueDate: options.dueDate,
              })
            : await tenant.manager.get(`/priorities/${tenant.a.priorityId}/check-ins?limit=5`);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const ok = response && response.status >= 200 && response.status < 300;
    results.push({
      kind,
      status: response?.status ?? 0,
      startedAt,
      ms: Date.now() - startedAt,
      contentType: response?.headers.get('content-type') ?? null,
      code: failure ?? (ok ? undefined : (response?.body as { code?: string } | undefined)?.code),
      id: ok && kind !== 'read' ? (response!.body as { id: string }).id : undefined,
    });
  };
  const loops = Array.from({ length: options.concurrency }, async () => {
    while (running) {
      await once();
      // A failing request answers at once; keep the request rate sane while the database is down.
      if (results.at(-1)!.status !== 201 && results.at(-1)!.status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    results,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export const isOk = (r: LoadResult) => r.status >= 200 && r.status < 300;
/** 503 with the API's JSON error body: the only acceptable failure while a dependency is down. */
export const isUnavailable = (r: LoadResult) =>
  r.status === 503 && r.code === 'SERVICE.UNAVAILABLE' && !!r.contentType?.includes('application/json');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
