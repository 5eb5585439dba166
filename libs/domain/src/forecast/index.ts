export * from './forecaster';
export * from './forecast.dto';
export * from './forecast.repository';
export * from './forecast.service';
export * from './milestone-forecast.entity';
