export * from './csv-reader';
export * from './csv-safety';
export * from './import-columns';
export * from './import.dto';
export * from './imports.service';
