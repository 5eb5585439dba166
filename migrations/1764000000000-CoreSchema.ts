import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engagement domain. Every tenant table carries organization_id and an index that starts with it;
 * status fields are text with CHECK constraints; all times are timestamptz.
 */
export class CoreSchema1764000000000 implements MigrationInterface {
  name = 'CoreSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        timezone text NOT NULL DEFAULT 'UTC',
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','account_manager','executive','client_viewer')),
        timezone text,
        disabled_at timestamptz,
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id, role)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (organization_id, family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (organization_id, user_id)`);

    await q.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        industry text,
        stage text NOT NULL CHECK (stage IN ('emerging','growth','enterprise')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
        account_manager_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX clients_organization_idx ON clients (organization_id, name)`);

    await q.query(`
      CREATE TABLE client_grants (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, client_id),
        FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX client_grants_organization_idx ON client_grants (organization_id, client_id)`);

    await q.query(`
      CREATE TABLE executives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        email text NOT NULL,
        functions text[] NOT NULL CHECK (cardinality(functions) > 0 AND functions <@ ARRAY['CRO','CMO','CPO']::text[]),
        user_id uuid UNIQUE REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX executives_organization_idx ON executives (organization_id, name)`);

    await q.query(`
      CREATE TABLE engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        executive_id uuid NOT NULL,
        function text NOT NULL CHECK (function IN ('CRO','CMO','CPO')),
        status text NOT NULL CHECK (status IN ('proposed','active','paused','completed','cancelled')),
        start_date date NOT NULL,
        planned_end_date date,
        days_per_week numeric(3,1) NOT NULL CHECK (days_per_week > 0 AND days_per_week <= 7),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
        FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
        FOREIGN KEY (organization_id, executive_id) REFERENCES executives (organization_id, id)
      )`);
    await q.query(`CREATE INDEX engagements_organization_idx ON engagements (organization_id, status, client_id)`);
    await q.query(`CREATE INDEX engagements_client_idx ON engagements (organization_id, client_id)`);
    await q.query(`CREATE INDEX engagements_executive_idx ON engagements (organization_id, executive_id)`);

    await q.query(`
      CREATE TABLE allocation_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        effective_date date NOT NULL,
        days_per_week numeric(3,1) NOT NULL CHECK (days_per_week > 0 AND days_per_week <= 7),
        previous_days_per_week numeric(3,1),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX allocation_changes_engagement_idx ON allocation_changes (organization_id, engagement_id, effective_date)`,
    );

    await q.query(`
      CREATE TABLE owners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        email text,
        title text,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)
      )`);
    await q.query(`CREATE INDEX owners_client_idx ON owners (organization_id, client_id)`);

    await q.query(`
      CREATE TABLE priorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        rank integer NOT NULL CHECK (rank >= 1),
        owner_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','active','achieved','dropped')),
        start_date date NOT NULL,
        target_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK (target_date >= start_date),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, owner_id) REFERENCES owners (organization_id, id),
        -- deferred so a re-rank can swap two ranks inside one transaction
        CONSTRAINT priorities_active_rank_unique EXCLUDE USING btree (engagement_id WITH =, rank WITH =)
          WHERE (status = 'active') DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(
      `CREATE INDEX priorities_engagement_idx ON priorities (organization_id, engagement_id, status, rank)`,
    );
    await q.query(`CREATE INDEX priorities_owner_idx ON priorities (organization_id, owner_id)`);

    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        priority_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        baseline_due_date date NOT NULL,
        due_date date NOT NULL,
        forecast_date date,
        status text NOT NULL CHECK (status IN ('planned','in_progress','done','cancelled')),
        weight numeric(6,2) NOT NULL DEFAULT 1 CHECK (weight > 0),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK ((status = 'done') = (completed_at IS NOT NULL)),
        FOREIGN KEY (organization_id, priority_id) REFERENCES priorities (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX milestones_priority_idx ON milestones (organization_id, priority_id, due_date)`);
    await q.query(
      `CREATE INDEX milestones_open_due_idx ON milestones (organization_id, due_date) WHERE status IN ('planned','in_progress')`,
    );

    await q.query(`
      CREATE TABLE milestone_due_date_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        milestone_id uuid NOT NULL,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        old_due_date date NOT NULL,
        new_due_date date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        FOREIGN KEY (organization_id, milestone_id) REFERENCES milestones (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX milestone_due_date_changes_milestone_idx ON milestone_due_date_changes (organization_id, milestone_id, changed_at)`,
    );

    await q.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        priority_id uuid NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        rag text NOT NULL CHECK (rag IN ('on_track','at_risk','off_track')),
        confidence smallint NOT NULL CHECK (confidence BETWEEN 0 AND 10),
        note text NOT NULL,
        blockers text,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, priority_id) REFERENCES priorities (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX check_ins_priority_idx ON check_ins (organization_id, priority_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_organization_idx ON audit_events (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'check_ins',
      'milestone_due_date_changes',
      'milestones',
      'priorities',
      'owners',
      'allocation_changes',
      'engagements',
      'executives',
      'client_grants',
      'clients',
      'refresh_tokens',
      'users',
      'organizations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
