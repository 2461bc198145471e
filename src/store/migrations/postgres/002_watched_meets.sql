-- The Meets followed from "created" to "ended" and "feedback in" (watch-records.ts).

CREATE TABLE watched_meets (
  meet_code text PRIMARY KEY,
  tenant text,
  platform text NOT NULL,
  workspace_id text,
  channel_id text,
  creator_id text NOT NULL,
  message jsonb,
  shown jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  watch_from timestamptz NOT NULL,
  state text NOT NULL,
  started_at timestamptz,
  ended_at timestamptz,
  participants integer,
  duration_seconds integer,
  shown_state text,
  feedback text NOT NULL,
  feedback_until timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX watched_meets_open ON watched_meets (state, feedback);
CREATE INDEX watched_meets_by_creator ON watched_meets (platform, creator_id, created_at);

-- One row per tenant and tick: the replica that inserts it polls that tenant.
CREATE TABLE watch_ticks (
  tenant_key text NOT NULL,
  tick_start text NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_key, tick_start)
);
CREATE INDEX watch_ticks_claimed_at ON watch_ticks (claimed_at);
