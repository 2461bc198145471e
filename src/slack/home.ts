import type { types } from '@slack/bolt';
import { formatInstant } from '../core/formats';
import type { MeetListItem } from '../core/reply-model';
import { peopleWords, templateName } from '../core/words';
import type { AuditEntry } from '../store/store';
import { type Block, context, header, linkButton, mrkdwnSection } from './block-kit';
import { codeSpan, escapeMrkdwn } from './escape';
import { slackLimits } from './limits';
import { meetListBlocks } from './meet-list-blocks';

/** App Home: the person's recent Meets with Join buttons, and how to create one. */

export const homeRecentLimit = 20;

/** The action of App Home's "Create a Meet" button: it opens the same form as `/meet new`. */
export const homeCreateActionId = 'home_create_meet';

const howTo = [
  `• ${codeSpan('/meet')}: a quick Meet, anyone with the link joins`,
  `• ${codeSpan('/meet interview @alice jane@example.com "Backend interview"')}: you organize, Alice interviews, Jane is the candidate`,
  `• ${codeSpan('/meet help')}: everything else (usage, feedback, configurations, digests)`,
].join('\n');

/** App Home: a Create button, how to type one, today's Meets and where each is, then the recent ones. */
export function buildHomeView(meets: AuditEntry[], timeZone: string, today: MeetListItem[] = []): types.HomeView {
  const blocks: Block[] = [
    header('meetbot'),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: homeCreateActionId,
          style: 'primary',
          text: { type: 'plain_text', text: 'Create a Meet', emoji: true },
        },
      ],
    },
    mrkdwnSection(`Or type in any channel:\n${howTo}`),
    { type: 'divider' },
  ];
  if (today.length > 0) {
    blocks.push(header('Today'), ...meetListBlocks(today, timeZone, 20), { type: 'divider' });
  }
  blocks.push(header('Your recent Meets'));
  if (meets.length === 0) {
    blocks.push(context(['No Meets yet. Type `/meet` in any channel to create one.']));
  }
  // Each Meet is 2 blocks; the view keeps within 100 blocks.
  const room = Math.floor((slackLimits.viewBlocks - blocks.length) / 2);
  for (const m of meets.slice(0, Math.min(room, homeRecentLimit))) {
    const channel = m.channelId && /^[CGD][A-Z0-9]+$/.test(m.channelId) ? ` in <#${m.channelId}>` : '';
    blocks.push(
      mrkdwnSection(
        `*${escapeMrkdwn(m.title)}* · ${templateName(m.template)} · ${peopleWords(m.template, m.participants.length)}\n${formatInstant(m.createdAt, timeZone)}${channel} · ${codeSpan(m.meetCode)}`,
        linkButton('Join', m.joinUrl, `home_join_${m.meetCode}`),
      ),
    );
    blocks.push({ type: 'divider' });
  }
  return { type: 'home', blocks };
}
