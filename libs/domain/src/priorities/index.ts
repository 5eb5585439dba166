export * from './priority.dto';
export * from './priority.entity';
export * from './priorities.service';
