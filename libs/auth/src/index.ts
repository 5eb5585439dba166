export * from './auth-options';
export * from './auth.dto';
export * from './auth.module';
export * from './auth.service';
export * from './decorators';
export * from './jwt-auth.guard';
export * from './jwt.strategy';
export * from './token.service';
