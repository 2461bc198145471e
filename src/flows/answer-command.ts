import type { Clock } from '../core/clock';
import type { Command } from '../core/command';
import { buildConfigsReply, buildHelpReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { selectHelpEntries } from '../core/usage-lines';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import type { DigestSubscriptions, DigestTarget } from './digest-subscriptions';
import { fetchReport } from './fetch-report';
import type { MeetAnnouncer } from './meet-announcer';
import { buildStatusReply } from './my-meets';
import { buildUpcomingReply, cancelScheduledMeet } from './scheduled-meets';

/** Every command that answers with a reply (not a Meet, not a form): the same for Slack and Teams. */
export type AnsweredCommand = Exclude<Command, { kind: 'create' | 'new' }>;

export interface AnswerDeps {
  meet: MeetApi;
  store: Store;
  clock: Clock;
  defaultTimeZone: string;
  /** Undefined until digests are set up: `/meet digest…` then says so plainly. */
  digests?: DigestSubscriptions;
  logger: Logger;
  /** The platform's announcer: `/meet cancel` marks the Meet's message with it. */
  announcer?: MeetAnnouncer;
}

/** Reports, configurations, help and digest subscriptions. Operational failures are thrown (the adapter reports them). */
export async function answerCommand(deps: AnswerDeps, command: AnsweredCommand, where: DigestTarget): Promise<Reply> {
  switch (command.kind) {
    case 'usage':
    case 'feedback':
      return (await fetchReport(deps.meet, command, { now: deps.clock(), timeZone: deps.defaultTimeZone })).reply;
    case 'configs':
      return buildConfigsReply(await deps.meet.listAddonConfigurations());
    case 'help':
      return buildHelpReply(selectHelpEntries(command.topic), where.platform);
    case 'digest':
      if (!deps.digests) {
        return {
          kind: 'notice',
          text: 'Weekly digests are not set up on this meetbot yet, so this channel cannot subscribe. Ask your admin.',
        };
      }
      return deps.digests.handle(command, where, deps.clock());
    case 'status':
      return buildStatusReply(deps.store, where, deps.clock(), deps.defaultTimeZone);
    case 'upcoming':
      return buildUpcomingReply(deps.store, where, deps.clock(), deps.defaultTimeZone);
    case 'cancel':
      return cancelScheduledMeet(deps, where, command.code, deps.clock());
  }
}
