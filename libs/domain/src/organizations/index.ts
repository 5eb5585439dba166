export * from './organization-settings';
export * from './organization.dto';
export * from './organization.entity';
export * from './organizations.service';
