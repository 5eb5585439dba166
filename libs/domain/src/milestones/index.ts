export * from './milestone.dto';
export * from './milestone.entity';
export * from './milestones.service';
