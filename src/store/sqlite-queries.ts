import type { Database } from 'better-sqlite3';

/** Every statement of the SQLite store, prepared once per connection. */
export function prepareSqliteQueries(db: Database) {
  return {
    saveInstall: db.prepare(
      `INSERT INTO slack_installations (install_key, team_id, enterprise_id, is_enterprise_install, installation, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (install_key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
         is_enterprise_install = excluded.is_enterprise_install, installation = excluded.installation,
         updated_at = excluded.updated_at`,
    ),
    findInstall: db.prepare('SELECT * FROM slack_installations WHERE install_key = ?'),
    deleteInstall: db.prepare('DELETE FROM slack_installations WHERE install_key = ?'),
    saveConversation: db.prepare(
      `INSERT INTO teams_conversations (conversation_id, reference, tenant_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, tenant_id = excluded.tenant_id,
         updated_at = excluded.updated_at`,
    ),
    findConversation: db.prepare('SELECT * FROM teams_conversations WHERE conversation_id = ?'),
    deleteConversation: db.prepare('DELETE FROM teams_conversations WHERE conversation_id = ?'),
    // Inserts, or takes over a key whose claim expired; the WHERE makes a live key a no-op.
    claimKey: db.prepare(
      `INSERT INTO idempotency_keys (key, claimed_at, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at,
         completed_at = NULL, outcome = NULL
       WHERE idempotency_keys.expires_at <= excluded.claimed_at`,
    ),
    findKey: db.prepare('SELECT completed_at, outcome FROM idempotency_keys WHERE key = ?'),
    completeKey: db.prepare('UPDATE idempotency_keys SET completed_at = ?, outcome = ? WHERE key = ?'),
    releaseKey: db.prepare('DELETE FROM idempotency_keys WHERE key = ?'),
    purgeKeys: db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
    recordMeet: db.prepare(
      `INSERT INTO meets (created_at, platform, workspace_id, channel_id, user_id, user_name, meet_code, join_url,
         title, template, participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    listMeets: db.prepare(
      'SELECT * FROM meets WHERE platform = ? AND user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    // Saving again keeps the id (so runs already claimed for this channel still count).
    saveSub: db.prepare(
      `INSERT INTO digest_subscriptions (id, platform, workspace_id, channel_id, weekday, time, time_zone, tenant,
         created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id,
         weekday = excluded.weekday, time = excluded.time, time_zone = excluded.time_zone, tenant = excluded.tenant,
         created_by = excluded.created_by, created_at = excluded.created_at
       RETURNING *`,
    ),
    findSub: db.prepare('SELECT * FROM digest_subscriptions WHERE platform = ? AND channel_id = ?'),
    deleteSub: db.prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND channel_id = ?'),
    listSubs: db.prepare('SELECT * FROM digest_subscriptions ORDER BY created_at, id'),
    // A deleted subscription cannot be claimed: the scheduler may hold a stale list.
    claimRun: db.prepare(
      `INSERT INTO digest_runs (subscription_id, period_start, status, claimed_at)
       SELECT ?, ?, 'claimed', ? WHERE EXISTS (SELECT 1 FROM digest_subscriptions WHERE id = ?)
       ON CONFLICT (subscription_id, period_start) DO NOTHING`,
    ),
    finishRun: db.prepare(
      `UPDATE digest_runs SET status = ?, message_id = ?, error = ?, finished_at = ?
       WHERE subscription_id = ? AND period_start = ?`,
    ),
    getRun: db.prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND period_start = ?'),
    ping: db.prepare('SELECT 1'),
  };
}
