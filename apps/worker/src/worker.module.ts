import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, type DataSourceConfig } from '@app/database';
import { DomainModule } from '@app/domain';

/** Background jobs (drift scans, deliveries, digests) register here as their issues land. */
@Module({})
export class WorkerModule {
  static forRoot(database: DataSourceConfig): DynamicModule {
    return { module: WorkerModule, imports: [DatabaseModule.forRoot(database), DomainModule] };
  }
}
