/** Every statement of the PostgreSQL store (the same shape as sqlite-queries.ts). */
export const postgresSql = {
  saveInstall: `INSERT INTO slack_installations
      (install_key, team_id, enterprise_id, is_enterprise_install, installation, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (install_key) DO UPDATE SET team_id = EXCLUDED.team_id, enterprise_id = EXCLUDED.enterprise_id,
      is_enterprise_install = EXCLUDED.is_enterprise_install, installation = EXCLUDED.installation,
      updated_at = EXCLUDED.updated_at`,
  findInstall: 'SELECT * FROM slack_installations WHERE install_key = $1',
  deleteInstall: 'DELETE FROM slack_installations WHERE install_key = $1',
  saveConversation: `INSERT INTO teams_conversations (conversation_id, reference, tenant_id, updated_at)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (conversation_id) DO UPDATE SET reference = EXCLUDED.reference, tenant_id = EXCLUDED.tenant_id,
      updated_at = EXCLUDED.updated_at`,
  findConversation: 'SELECT * FROM teams_conversations WHERE conversation_id = $1',
  deleteConversation: 'DELETE FROM teams_conversations WHERE conversation_id = $1',
  // The hot path writes nothing when the key exists (no row lock, no WAL, no commit flush).
  insertKey: `INSERT INTO idempotency_keys (key, claimed_at, expires_at) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO NOTHING`,
  // Takes over an expired claim. A concurrent taker waits on the row lock and re-checks the WHERE
  // against the winner's row, so it updates nothing.
  takeOverKey: `UPDATE idempotency_keys SET claimed_at = $2, expires_at = $3, completed_at = NULL, outcome = NULL
    WHERE key = $1 AND expires_at <= $2`,
  findKey: 'SELECT completed_at, expires_at, outcome FROM idempotency_keys WHERE key = $1',
  completeKey: 'UPDATE idempotency_keys SET completed_at = $1, outcome = $2 WHERE key = $3',
  releaseKey: 'DELETE FROM idempotency_keys WHERE key = $1',
  purgeKeys: 'DELETE FROM idempotency_keys WHERE expires_at <= $1',
  recordMeet: `INSERT INTO meets (created_at, platform, workspace_id, channel_id, user_id, user_name, meet_code,
      join_url, title, template, participants) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  listMeets: 'SELECT * FROM meets WHERE platform = $1 AND user_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3',
  // Saving again keeps the id (so runs already claimed for this channel still count).
  saveSub: `INSERT INTO digest_subscriptions (id, platform, workspace_id, channel_id, weekday, time, time_zone,
      tenant, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id,
      weekday = EXCLUDED.weekday, time = EXCLUDED.time, time_zone = EXCLUDED.time_zone, tenant = EXCLUDED.tenant,
      created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at
    RETURNING *`,
  findSub: 'SELECT * FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2',
  deleteSub: 'DELETE FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2',
  listSubs: 'SELECT * FROM digest_subscriptions ORDER BY created_at, id',
  // A deleted subscription cannot be claimed: the scheduler may hold a stale list.
  claimRun: `INSERT INTO digest_runs (subscription_id, period_start, status, claimed_at)
    SELECT $1::text, $2::text, 'claimed', $3::timestamptz WHERE EXISTS (SELECT 1 FROM digest_subscriptions WHERE id = $1)
    ON CONFLICT (subscription_id, period_start) DO NOTHING`,
  finishRun: `UPDATE digest_runs SET status = $1, message_id = $2, error = $3, finished_at = $4
    WHERE subscription_id = $5 AND period_start = $6`,
  getRun: 'SELECT * FROM digest_runs WHERE subscription_id = $1 AND period_start = $2',
} as const;
