import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { testEnvironment } from '@app/testing';
import { startHealthServer } from '../../apps/worker/src/health-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';

describe('worker', () => {
  let app: INestApplicationContext;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const env = testEnvironment();
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ url: env.DATABASE_URL!, poolSize: 2 }), { logger: false });
    server = await startHealthServer(0, app.get(DataSource));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  it('boots, connects to the database and reports health', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves nothing else over HTTP', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  });
});
