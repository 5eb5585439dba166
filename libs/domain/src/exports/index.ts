export * from './exports.service';
export * from './export.dto';
