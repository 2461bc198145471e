-- The Meets followed from "created" to "ended" and "feedback in" (watch-records.ts).

CREATE TABLE watched_meets (
  meet_code TEXT PRIMARY KEY,
  tenant TEXT,
  platform TEXT NOT NULL,
  workspace_id TEXT,
  channel_id TEXT,
  creator_id TEXT NOT NULL,
  message TEXT,
  shown TEXT NOT NULL,
  created_at TEXT NOT NULL,
  watch_from TEXT NOT NULL,
  state TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  participants INTEGER,
  duration_seconds INTEGER,
  shown_state TEXT,
  feedback TEXT NOT NULL,
  feedback_until TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX watched_meets_open ON watched_meets (state, feedback);
CREATE INDEX watched_meets_by_creator ON watched_meets (platform, creator_id, created_at);

-- One row per tenant and tick: the replica that inserts it polls that tenant.
CREATE TABLE watch_ticks (
  tenant_key TEXT NOT NULL,
  tick_start TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_key, tick_start)
);
CREATE INDEX watch_ticks_claimed_at ON watch_ticks (claimed_at);
