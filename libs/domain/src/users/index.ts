export * from './password';
export * from './user.dto';
export * from './user.entity';
export * from './users.service';
