import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Single sign-on (migrations/1765502000000-SingleSignOn.ts): an organization's OpenID provider, the email domains it
 * signs in, and the short-lived state of each sign-in. Worked with SQL (sso.repository.ts); the entities keep the
 * schema and the metadata in step.
 */
@Entity({ name: 'organization_sso' })
export class OrganizationSso {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ name: 'client_id', type: 'text' }) clientId!: string;
  @Column({ name: 'client_secret_encrypted', type: 'text' }) clientSecretEncrypted!: string;
  @Column({ name: 'allowed_domains', type: 'text', array: true }) allowedDomains!: string[];
  @Column({ name: 'default_role', type: 'text' }) defaultRole!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ name: 'sso_domains' })
export class SsoDomain {
  @PrimaryColumn({ type: 'text' }) domain!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
}

@Entity({ name: 'sso_logins' })
export class SsoLogin {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'state_hash', type: 'text', unique: true }) stateHash!: string;
  @Column({ name: 'browser_hash', type: 'text' }) browserHash!: string;
  @Column({ type: 'text' }) nonce!: string;
  @Column({ name: 'code_verifier', type: 'text' }) codeVerifier!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
}
