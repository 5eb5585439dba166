export * from './executive-change.dto';
export * from './executive-change.entity';
export * from './executive-changes.service';
export * from './handover-content';
