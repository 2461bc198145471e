import type { MeetListItem } from '../core/reply-model';
import { templateName } from '../core/words';
import { type Block, context, fallbackText, header, linkButton, mrkdwnSection, type SlackMessage } from './block-kit';
import { slackTime } from './dates';
import { codeSpan, escapeMrkdwn } from './escape';
import { slackLimits } from './limits';
import { statusLine } from './status-line';

/** `/meet status` and App Home: each Meet of today, where it is, Join while it has not ended. */
export function renderMeetList(meets: MeetListItem[], timeZone: string): SlackMessage {
  const blocks: Block[] = [
    header('Your Meets today'),
    ...meetListBlocks(meets, timeZone, slackLimits.messageBlocks - 1),
  ];
  const live = meets.filter((m) => m.status.state === 'live').length;
  return { text: fallbackText(`Your Meets today: ${meets.length}, ${live} live`), blocks };
}

/** One section per Meet (title, template, when created, status), at most `maxBlocks`. */
export function meetListBlocks(meets: MeetListItem[], timeZone: string, maxBlocks: number): Block[] {
  if (meets.length === 0) {
    return [context([`No Meets today. Type ${codeSpan('/meet')} in any channel to create one.`])];
  }
  return meets.slice(0, maxBlocks).map((m) => {
    const ended = m.status.state === 'ended' || m.status.state === 'expired' || m.status.state === 'cancelled';
    const made = `${templateName(m.template)} · created ${slackTime(m.createdAt, timeZone)}`;
    return mrkdwnSection(
      `*${escapeMrkdwn(m.title)}*  ·  ${made}\n${statusLine(m.status, timeZone)}`,
      ended ? undefined : linkButton('Join', m.joinUrl, `status_join_${m.createdAt.getTime()}`),
    );
  });
}
