export * from './pulse-due';
export * from './pulse.dto';
export * from './pulse.entity';
export * from './pulse.service';
export * from './pulse-dispatch.service';
export * from './pulse-schedule';
