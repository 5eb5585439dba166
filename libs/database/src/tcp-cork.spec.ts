import { connect, createServer, type Server, type Socket } from 'node:net';
import { corkInKernel } from './tcp-cork';

/** A loopback peer that records what arrives and when the connection ends. */
async function peer(): Promise<{ server: Server; port: number; received: () => string; ended: Promise<void> }> {
  let data = '';
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const server = createServer((connection) => {
    connection.on('data', (chunk: Buffer) => (data += chunk.toString()));
    connection.on('end', () => resolveEnded());
    connection.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, received: () => data, ended };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('corkInKernel (TCP_CORK)', () => {
  let remote: Awaited<ReturnType<typeof peer>>;
  let socket: Socket;

  beforeEach(async () => {
    remote = await peer();
    socket = connect(remote.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
  });
  afterEach(async () => {
    socket.destroy();
    await new Promise((resolve) => remote.server.close(resolve));
  });

  it('keeps a write in the kernel (out of the process, not sent) until released', async () => {
    const release = corkInKernel(socket);
    expect(release).not.toBeNull(); // Linux with koffi's prebuilt binary: the machines this project runs on
    socket.write('handed over');
    expect(socket.writableLength).toBe(0); // taken by the kernel at once
    await sleep(100); // under the kernel's 200 ms cork ceiling
    expect(remote.received()).toBe('');
    release!();
    for (let i = 0; i < 100 && remote.received() === ''; i++) await sleep(10);
    expect(remote.received()).toBe('handed over');
  });

  it('sends what it holds when the socket is closed, as when the owning process dies', async () => {
    corkInKernel(socket);
    socket.write('handed over');
    await sleep(50);
    expect(remote.received()).toBe('');
    socket.destroy(); // closes the descriptor without uncorking, like the kernel does for a killed process
    await remote.ended;
    expect(remote.received()).toBe('handed over');
  });
});
