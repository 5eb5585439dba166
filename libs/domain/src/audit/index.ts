export * from './audit-event.entity';
export * from './audit-log.service';
export * from './audit.dto';
export * from './audit.service';
