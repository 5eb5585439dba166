export * from './engagement.dto';
export * from './engagement.entity';
export * from './engagements.service';
export * from './engagement-setup.dto';
export * from './engagement-setup.service';
