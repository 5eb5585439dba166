export * from './owner.dto';
export * from './owner.entity';
export * from './owners.service';
