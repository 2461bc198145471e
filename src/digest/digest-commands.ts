import type { DigestCommand } from '../core/command';
import type { Reply } from '../core/reply-model';
import type { DigestPlatform } from '../store/store';

/** Where a `/meet digest …` command was typed. */
export interface DigestTarget {
  platform: DigestPlatform;
  /** Slack team/enterprise id or Teams tenant id. */
  workspaceId?: string;
  /** Slack channel id or Teams conversation id. */
  channelId: string;
  /** Platform user id of the person who typed it. */
  userId: string;
}

/**
 * What the Slack and Teams adapters call for `/meet digest`, `/meet digest weekly …` and
 * `/meet digest off`. Implemented in digest/ (createDigestCommands); the reply is a `notice`
 * or an `error` that the adapter renders like any other reply.
 */
export interface DigestCommands {
  handle(command: DigestCommand, target: DigestTarget, now: Date): Promise<Reply>;
}
