/**
 * A process the launcher started (with an IPC channel) stops when the launcher is gone: it runs in a process group
 * of its own, so it would not see the signal that killed the launcher (a SIGKILL, a crash) and would run on orphaned.
 */
export function stopWhenLauncherGoes(stop: (reason: string) => void): void {
  if (process.send) process.once('disconnect', () => stop('the launcher is gone'));
}
