import { enterCriticalSection, libcFunction, yieldProcessor } from './libc';

describe('libc through koffi', () => {
  it('reaches libc on this Linux machine, once per signature', () => {
    const getpid = libcFunction<() => number>('int getpid(void)');
    expect(getpid).not.toBeNull();
    expect(getpid!()).toBe(process.pid);
    expect(libcFunction('int getpid(void)')).toBe(getpid);
  });

  it('yields the processor through sched_yield, which succeeds', () => {
    const schedYield = libcFunction<() => number>('int sched_yield(void)');
    expect(schedYield).not.toBeNull();
    expect(schedYield!()).toBe(0);
    expect(() => yieldProcessor()).not.toThrow();
  });

  it('answers null, not an exception, for a function libc does not have', () => {
    expect(libcFunction('int throughline_no_such_function(void)')).toBeNull();
  });

  it('runs a critical section under SCHED_FIFO where permitted (root here), and leaves it under the ordinary policy', () => {
    const policy = libcFunction<(pid: number) => number>('int sched_getscheduler(int pid)')!;
    const permitted = process.getuid?.() === 0;
    expect(policy(0)).toBe(0); // SCHED_OTHER
    const leave = enterCriticalSection();
    const inside = policy(0);
    leave();
    leave(); // a second call changes nothing
    expect(inside).toBe(permitted ? 1 : 0); // SCHED_FIFO, or a fresh time slice where not permitted
    expect(policy(0)).toBe(0);
  });
});
