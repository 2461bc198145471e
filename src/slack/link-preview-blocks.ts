import { invitedWords, type MeetLinkPreview } from '../core/link-preview';
import { templateName } from '../core/words';
import { type Block, context, linkButton, mrkdwnSection } from './block-kit';
import { showPerson } from './blocks';
import { escapeMrkdwn } from './escape';
import { statusLine } from './status-line';

/**
 * A Meet link's unfurl (chat.unfurl's `unfurls[url]`): compact, two blocks. The title, what it is,
 * who organizes it and how many are invited, Join beside them; the status line under, as on the
 * Meet's own message. A Meet of another installation: "Meet CODE" and Join, nothing else.
 */
export function renderLinkPreview(preview: MeetLinkPreview, timeZone: string): { blocks: Block[] } {
  if (preview.kind === 'neutral') {
    return {
      blocks: [
        mrkdwnSection(
          `*Meet ${escapeMrkdwn(preview.code)}*\nA Meet video meeting`,
          linkButton('Join', preview.joinUrl, 'join_meet'),
        ),
      ],
    };
  }
  const over = preview.status.state === 'ended' || preview.status.state === 'expired';
  const facts = [
    templateName(preview.template),
    `organized by ${showPerson(preview.organizer)}`,
    invitedWords(preview.template, preview.people),
  ];
  return {
    blocks: [
      mrkdwnSection(
        `*${escapeMrkdwn(preview.title)}*\n${facts.join('  ·  ')}`,
        over ? undefined : linkButton('Join', preview.joinUrl, 'join_meet'),
      ),
      context([statusLine(preview.status, timeZone)]),
    ],
  };
}
