-- meetbot schema, SQLite dialect. Instants are ISO-8601 UTC strings (toISOString), which sort
-- and compare as text; JSON documents are TEXT.

CREATE TABLE slack_installations (
  -- 'enterprise:<E…>' for org-wide installs, 'team:<T…>' otherwise.
  install_key TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL,
  installation TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE teams_conversations (
  conversation_id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  tenant_id TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  claimed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  completed_at TEXT,
  outcome TEXT
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

CREATE TABLE meets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  platform TEXT NOT NULL,
  workspace_id TEXT,
  channel_id TEXT,
  user_id TEXT NOT NULL,
  user_name TEXT,
  meet_code TEXT NOT NULL,
  join_url TEXT NOT NULL,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  participants TEXT NOT NULL
);
CREATE INDEX meets_by_user ON meets (platform, user_id, created_at DESC, id DESC);

CREATE TABLE digest_subscriptions (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace_id TEXT,
  channel_id TEXT NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  time TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  tenant TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (platform, channel_id)
);

CREATE TABLE digest_runs (
  subscription_id TEXT NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  status TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  finished_at TEXT,
  message_id TEXT,
  error TEXT,
  PRIMARY KEY (subscription_id, period_start)
);
