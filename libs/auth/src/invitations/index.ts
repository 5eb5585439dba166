export * from './invitation-email';
export * from './invitation-lifecycle';
export * from './invitations.dto';
export * from './invitations.repository';
export * from './invitations.service';
