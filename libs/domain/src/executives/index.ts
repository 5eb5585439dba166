export * from './executive.dto';
export * from './executive.entity';
export * from './executives.service';
