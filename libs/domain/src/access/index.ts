export * from './access.service';
export * from './permissions';
