import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { Clock } from '@app/domain';
import { HttpClient } from './http-client';
import { testEnvironment } from './test-env';

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  /** Unauthenticated client; `.as(token)` for a caller. */
  http: HttpClient;
  dataSource: DataSource;
  /** Pin "now" for everything that reads the Clock. */
  setNow(instant: Date | null): void;
  close(): Promise<void>;
}

/** The real API (same factory as main.ts) listening on a free loopback port. */
export async function startTestApi(envOverrides: Record<string, string> = {}): Promise<TestApi> {
  const app = await createApiApp(testEnvironment(envOverrides), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  let pinned: Date | null = null;
  clock.now = () => (pinned ? new Date(pinned) : realNow());
  return {
    app,
    baseUrl,
    http: new HttpClient(`${baseUrl}/api/v1`),
    dataSource: app.get(DataSource),
    setNow: (instant) => {
      pinned = instant;
    },
    close: () => app.close(),
  };
}
