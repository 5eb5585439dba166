import { PassThrough, Readable, Writable } from 'node:stream';
import { holdEndUntil } from './hold-end';

/** A consumer that records what it got and when it saw the end, like the SMTP DATA stream. */
function sink(events: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      events.push(`data:${chunk.toString()}`);
      done();
    },
    final(done) {
      events.push('end');
      done();
    },
  });
}

describe('holdEndUntil', () => {
  it('reads nothing before the consumer pulls, and calls beforeEnd after the last byte, right before the end', async () => {
    const events: string[] = [];
    const source = Readable.from(['one ', 'two']);
    const relay = holdEndUntil(source, () => {
      events.push('beforeEnd');
      void Promise.resolve().then(() => events.push('microtask queued in beforeEnd'));
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]); // not piped yet: nothing consumed, no beforeEnd
    await new Promise<void>((resolve) => relay.pipe(sink(events)).on('finish', () => resolve()));
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['data:one ', 'data:two', 'beforeEnd', 'end', 'microtask queued in beforeEnd']);
  });

  it('errors instead of ending when beforeEnd throws', async () => {
    const source = new PassThrough();
    source.end('whole message');
    const relay = holdEndUntil(source, () => {
      throw new Error('hand-over not recorded');
    });
    const events: string[] = [];
    const failed = new Promise<Error>((resolve) => relay.on('error', resolve));
    relay.pipe(sink(events));
    expect((await failed).message).toBe('hand-over not recorded');
    expect(events).toEqual(['data:whole message']);
  });
});
