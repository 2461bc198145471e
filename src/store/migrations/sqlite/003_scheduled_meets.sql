-- Meets for later: when each is, where it was announced, and its reminder (schedule-records.ts).

CREATE TABLE scheduled_meets (
  meet_code TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace_id TEXT,
  channel_id TEXT,
  creator_id TEXT NOT NULL,
  message TEXT,
  shown TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  remind_at TEXT,
  state TEXT NOT NULL,
  reminder TEXT NOT NULL,
  reminder_note TEXT,
  reminded_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX scheduled_meets_due ON scheduled_meets (reminder, remind_at);
CREATE INDEX scheduled_meets_by_creator ON scheduled_meets (platform, creator_id, ends_at);
