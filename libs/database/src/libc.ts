import { Logger } from '@nestjs/common';

type Koffi = typeof import('koffi');

const logger = new Logger('Libc');
let libc: ReturnType<Koffi['load']> | null | undefined;
const functions = new Map<string, unknown>();

/**
 * A libc function through koffi (prebuilt binary in its npm package, nothing compiled or fetched at install), or
 * null where that is not possible (not Linux with glibc, no binary for the platform): callers then do without.
 */
export function libcFunction<T>(signature: string): T | null {
  if (functions.has(signature)) return functions.get(signature) as T | null;
  let fn: T | null = null;
  try {
    if (libc === undefined) {
      libc = null;
      if (process.platform !== 'linux') throw new Error(`not on Linux (${process.platform})`);
      // Loaded on first use only: a platform without koffi's prebuilt binary still runs.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      libc = (require('koffi') as Koffi).load('libc.so.6');
    }
    if (libc) fn = libc.func(signature) as T;
  } catch (error) {
    logger.warn(`libc is not reachable here (${signature}): ${error instanceof Error ? error.message : String(error)}`);
  }
  functions.set(signature, fn);
  return fn;
}

/**
 * Gives up the processor (sched_yield), so the few system calls that follow run at the start of a fresh time slice:
 * the scheduler is then unlikely to switch away between them. Does nothing where libc is not reachable.
 */
export function yieldProcessor(): void {
  libcFunction<() => number>('int sched_yield(void)')?.();
}

/** <sched.h> */
const SCHED_OTHER = 0;
const SCHED_FIFO = 1;
type SetScheduler = (pid: number, policy: number, param: number[]) => number;

/**
 * Makes the next few system calls of this thread hard to separate: real-time scheduling (SCHED_FIFO, priority 1)
 * until the returned function is called, so no ordinary process woken meanwhile runs in its place; where that is not
 * permitted (it needs CAP_SYS_NICE, which most containers lack) a fresh time slice instead (yieldProcessor). The
 * caller must call the returned function at once after those calls: the thread holds a processor until then.
 */
export function enterCriticalSection(): () => void {
  const setScheduler = libcFunction<SetScheduler>('int sched_setscheduler(int pid, int policy, const int *param)');
  if (setScheduler?.(0, SCHED_FIFO, [1]) !== 0) {
    yieldProcessor();
    return () => undefined;
  }
  let left = false;
  return () => {
    if (left) return;
    left = true;
    setScheduler(0, SCHED_OTHER, [0]);
  };
}
