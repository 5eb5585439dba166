import { createServer, connect, type Server, type Socket } from 'node:net';
import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { holdEndUntil } from './hold-end';

/** Like nodemailer's DataStream: passes the body through and ends it with `terminator`. */
function dataStream(terminator = '\r\n.\r\n'): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk);
    },
    flush(done) {
      this.push(Buffer.from(terminator));
      done();
    },
  });
}

/** A loopback server that records what each connection received and whether it was closed. */
async function recordingServer(): Promise<{ server: Server; port: number; received: () => string; closed: Promise<void> }> {
  let data = '';
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const server = createServer((peer) => {
    peer.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    peer.on('error', () => undefined);
    peer.on('close', () => resolveClosed());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, received: () => data, closed };
}

async function connected(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('holdEndUntil', () => {
  let peer: Awaited<ReturnType<typeof recordingServer>>;
  let socket: Socket;

  beforeEach(async () => {
    peer = await recordingServer();
    socket = await connected(peer.port);
  });

  afterEach(async () => {
    socket.destroy();
    await new Promise((resolve) => peer.server.close(resolve));
  });

  it('reads nothing before the consumer pulls, then calls beforeEnd inside the write of the final "." (what it returns right after), which reaches the kernel before any tick', async () => {
    const events: string[] = [];
    const relay = holdEndUntil(Readable.from(['one ', 'two']), () => {
      events.push(`beforeEnd: ${socket.bytesWritten} bytes written, ${socket.writableLength} buffered`);
      // Run at the first chance after beforeEnd returns: by then the "." must be out of the process already.
      process.nextTick(() => events.push(`next tick: ${socket.bytesWritten} bytes written, ${socket.writableLength} buffered`));
      void Promise.resolve().then(() => events.push('microtask'));
      return () => events.push(`after the write: ${socket.bytesWritten} bytes written`);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]); // not piped yet: nothing consumed, no beforeEnd

    const data = dataStream();
    relay.pipe(data);
    data.pipe(socket, { end: false });
    await until(() => peer.received().endsWith('.\r\n'));
    expect(peer.received()).toBe('one two\r\n.\r\n');
    expect(events).toEqual(['beforeEnd: 7 bytes written, 0 buffered', 'after the write: 12 bytes written', 'next tick: 12 bytes written, 0 buffered', 'microtask']);
    // The connection is left as it was: the next command goes out untouched.
    socket.write('QUIT\r\n');
    await until(() => peer.received().endsWith('QUIT\r\n'));
  });

  it('drops the connection instead of writing the "." when beforeEnd throws', async () => {
    const source = new PassThrough();
    source.end('whole message');
    const relay = holdEndUntil(source, () => {
      throw new Error('hand-over not recorded');
    });
    const failed = new Promise<Error>((resolve) => socket.once('error', resolve));
    const data = dataStream();
    relay.pipe(data);
    data.pipe(socket, { end: false });
    expect((await failed).message).toBe('hand-over not recorded');
    await peer.closed;
    expect(peer.received()).toBe('whole message');
  });

  it('drops the connection when what follows the body is not the final "."', async () => {
    let called = false;
    const relay = holdEndUntil(Readable.from(['body']), () => {
      called = true;
    });
    const failed = new Promise<Error>((resolve) => socket.once('error', resolve));
    const data = dataStream('\r\nnot the end\r\n');
    relay.pipe(data);
    data.pipe(socket, { end: false });
    expect((await failed).message).toMatch(/something other than the final "."/);
    await peer.closed;
    expect(called).toBe(false);
    expect(peer.received()).toBe('body');
  });

  it('fails rather than end when no connection is downstream', async () => {
    let called = false;
    const relay = holdEndUntil(Readable.from(['body']), () => {
      called = true;
    });
    const failed = new Promise<Error>((resolve) => relay.once('error', resolve));
    const data = dataStream();
    relay.pipe(data);
    data.pipe(new Writable({ write: (_chunk, _encoding, done) => done() }));
    expect((await failed).message).toMatch(/no connection downstream/);
    expect(called).toBe(false);
  });
});
