export * from './password';
export * from './user.dto';
export * from './user.entity';
export * from './users.service';
export * from './password-policy';
export * from './login-attempt.entity';
export * from './password-reset-token.entity';
