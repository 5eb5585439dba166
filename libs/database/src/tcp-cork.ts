import type { Socket } from 'node:net';
import { libcFunction } from './libc';

/** <netinet/tcp.h> on Linux. */
const IPPROTO_TCP = 6;
const TCP_CORK = 3;

type SetSockOpt = (fd: number, level: number, name: number, value: number[], length: number) => number;

/** The file descriptor under a net.Socket, or under the TCP socket a TLS socket wraps. */
function fileDescriptor(socket: Socket): number | null {
  const handles = socket as unknown as { _handle?: { fd?: unknown }; _parent?: { _handle?: { fd?: unknown } } };
  for (const fd of [handles._handle?.fd, handles._parent?._handle?.fd]) if (typeof fd === 'number' && fd >= 0) return fd;
  return null;
}

/**
 * Sets TCP_CORK on the connection: what is written next stays in the kernel's send queue, waking nobody, until the
 * returned function is called (or 200 ms pass, or the socket closes, the owning process's death included: the
 * kernel then sends it with the FIN). Returns null, changing nothing, where it cannot be set.
 */
export function corkInKernel(socket: Socket): (() => void) | null {
  const call = libcFunction<SetSockOpt>('int setsockopt(int fd, int level, int name, const int *value, uint32_t length)');
  const fd = fileDescriptor(socket);
  if (!call || fd === null || call(fd, IPPROTO_TCP, TCP_CORK, [1], 4) !== 0) return null;
  let corked = true;
  return () => {
    if (!corked) return;
    corked = false;
    call(fd, IPPROTO_TCP, TCP_CORK, [0], 4);
  };
}
