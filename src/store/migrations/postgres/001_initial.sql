-- meetbot schema, PostgreSQL dialect. Created in the connection's current schema (search_path).

CREATE TABLE slack_installations (
  -- 'enterprise:<E…>' for org-wide installs, 'team:<T…>' otherwise.
  install_key text PRIMARY KEY,
  team_id text,
  enterprise_id text,
  is_enterprise_install boolean NOT NULL,
  installation jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE teams_conversations (
  conversation_id text PRIMARY KEY,
  reference jsonb NOT NULL,
  tenant_id text,
  updated_at timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  completed_at timestamptz,
  outcome jsonb
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

CREATE TABLE meets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL,
  platform text NOT NULL,
  workspace_id text,
  channel_id text,
  user_id text NOT NULL,
  user_name text,
  meet_code text NOT NULL,
  join_url text NOT NULL,
  title text NOT NULL,
  template text NOT NULL,
  participants jsonb NOT NULL
);
CREATE INDEX meets_by_user ON meets (platform, user_id, created_at DESC, id DESC);

CREATE TABLE digest_subscriptions (
  id text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text,
  channel_id text NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  time text NOT NULL,
  time_zone text NOT NULL,
  tenant text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (platform, channel_id)
);

-- period_start stays text: the scheduler's ISO instant comes back exactly as it was claimed.
CREATE TABLE digest_runs (
  subscription_id text NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
  period_start text NOT NULL,
  status text NOT NULL,
  claimed_at timestamptz NOT NULL,
  finished_at timestamptz,
  message_id text,
  error text,
  PRIMARY KEY (subscription_id, period_start)
);
