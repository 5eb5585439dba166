export * from './calendar-feed';
export * from './calendar.service';
