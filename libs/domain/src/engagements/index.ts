export * from './engagement.dto';
export * from './engagement.entity';
export * from './engagements.service';
