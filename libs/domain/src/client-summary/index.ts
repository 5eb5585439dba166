export * from './client-summary';
export * from './client-summary.dto';
export * from './client-summary.service';
