export * from './api-token-rules';
export * from './api-token.dto';
export * from './api-token.entity';
export * from './api-tokens.service';
