export * from './client.dto';
export * from './client.entity';
export * from './client.repository';
export * from './clients.service';
