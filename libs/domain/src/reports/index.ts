export * from './report-content';
export * from './report.dto';
export * from './reports.service';
export * from './report-pdf';
