-- Meets for later: when each is, where it was announced, and its reminder (schedule-records.ts).

CREATE TABLE scheduled_meets (
  meet_code text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text,
  channel_id text,
  creator_id text NOT NULL,
  message jsonb,
  shown jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  remind_at timestamptz,
  state text NOT NULL,
  reminder text NOT NULL,
  reminder_note text,
  reminded_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX scheduled_meets_due ON scheduled_meets (reminder, remind_at);
CREATE INDEX scheduled_meets_by_creator ON scheduled_meets (platform, creator_id, ends_at);
