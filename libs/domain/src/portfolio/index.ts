export * from './engagement-health';
export * from './portfolio.dto';
export * from './portfolio.service';
export * from './summary.service';
