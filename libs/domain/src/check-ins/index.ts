export * from './check-in.dto';
export * from './check-in.entity';
export * from './check-ins.service';
