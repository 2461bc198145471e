import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CreateCommand, PersonRef } from '../src/core/command';
import { buildMeetFeedback } from '../src/core/meet-feedback';
import type { ResolvedPerson } from '../src/core/people';
import { planMeeting } from '../src/core/plan-meeting';
import { buildConfigsReply, buildMeetCreatedReply } from '../src/core/replies';
import type { MeetCreatedPublic, Reply } from '../src/core/reply-model';
import { periodBefore } from '../src/digest/schedule';
import { summarizeDigest } from '../src/digest/summarize';
import { fetchReport } from '../src/flows/fetch-report';
import { createMeetClient } from '../src/meet/client';
import { startSandbox } from '../src/sandbox/server';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderReply } from '../src/slack/blocks';
import { renderDigestBlocks } from '../src/slack/digest-blocks';
import { renderMeetFeedback } from '../src/slack/feedback-blocks';
import { buildHomeView } from '../src/slack/home';
import { buildCreateMeetView } from '../src/slack/modal';
import { asAttachment } from '../src/teams/card-types';
import { renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard } from '../src/teams/cards';
import { renderDigestCard } from '../src/teams/digest-card';
import { renderMeetFeedbackCard } from '../src/teams/feedback-card';
import { buildCreateForm } from '../src/teams/form';

/**
 * `npm run samples [-- DIR]`: writes what meetbot sends, built by its own renderers from a real
 * sandbox, as JSON files (default build/samples). The review tools render them to PNG:
 *
 *   node ../shared/tools/render-cards.mjs --out docs/images --names UREC=rita,UINT=ian,C0CHAN=hiring build/samples/*.json
 *
 * Run both again whenever the look changes, and look at the PNGs.
 */

const out = process.argv[2] ?? path.join('build', 'samples');
const zone = 'Europe/Berlin';

function write(name: string, value: unknown): void {
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

function person(platform: 'slack' | 'teams', userId: string, name: string, email: string): ResolvedPerson {
  const [firstName, lastName] = name.split(' ');
  return { source: 'workspace', platform, userId, displayName: name, firstName, lastName, email };
}

function interview(platform: 'slack' | 'teams', organizer: ResolvedPerson, interviewer: ResolvedPerson) {
  const candidate: PersonRef = { kind: 'email', email: 'jane.doe@example.com', token: 'jane.doe@example.com' };
  const colleague: PersonRef = { kind: 'user', id: interviewer.userId ?? '', token: `<@${interviewer.userId}>` };
  const command: CreateCommand = {
    kind: 'create',
    template: 'interview',
    people: [colleague, candidate],
    title: 'Backend interview: Jane Doe',
    durationMinutes: 45,
    guests: { kind: 'default' },
  };
  let next = 48151623;
  const planned = planMeeting({
    command,
    typist: organizer,
    people: [
      { ref: colleague, person: interviewer },
      {
        ref: candidate,
        person: { source: 'outsider', platform, displayName: candidate.email, email: candidate.email },
      },
    ],
    addonConfigurations: [],
    sso: { domains: { 'acme.com': 'microsoft' } },
    generatePasscode: () => String(next++),
  });
  if (!planned.ok) throw new Error(planned.error.message);
  const reply = buildMeetCreatedReply(planned.value, {
    code: 'le3YHkUb',
    joinUrl: 'https://meet.rs/le3YHkUb',
    title: null,
  });
  if (reply.kind !== 'meetCreated') throw new Error('not a Meet');
  return reply;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const now = new Date('2026-12-07T09:00:00Z');
  const sandbox = await startSandbox({ now: () => now });
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  try {
    // Slack: the Meet message as created, live and ended; the private part; the form; App Home.
    const slack = interview(
      'slack',
      person('slack', 'UREC', 'Rita Recruiter', 'rita@acme.com'),
      person('slack', 'UINT', 'Ian Interviewer', 'ian@acme.com'),
    );
    const live: MeetCreatedPublic = {
      ...slack.public,
      status: { state: 'live', startedAt: new Date('2026-12-07T09:02:00Z'), participants: 3 },
    };
    const ended: MeetCreatedPublic = {
      ...slack.public,
      status: { state: 'ended', endedAt: new Date('2026-12-07T09:49:00Z'), minutes: 47, participants: 3 },
    };
    write('slack-meet-created', [
      renderMeetCreatedPublic({ ...slack.public, status: { state: 'created' } }, { timeZone: zone }),
      { response_type: 'ephemeral', ...renderMeetCreatedPrivate(slack.private) },
    ]);
    write('slack-meet-life', [
      renderMeetCreatedPublic(live, { timeZone: zone }),
      renderMeetCreatedPublic(ended, { timeZone: zone }),
    ]);
    write('slack-modal', buildCreateMeetView({ channelId: 'C0CHAN' }, await meet.listAddonConfigurations()));
    write(
      'slack-home',
      buildHomeView([], zone, [
        {
          title: live.title,
          joinUrl: live.joinUrl,
          template: 'interview',
          createdAt: new Date('2026-12-07T08:55:00Z'),
          status: live.status ?? { state: 'created' },
        },
        {
          title: 'Weekly sync',
          joinUrl: 'https://meet.rs/Wk7sync1',
          template: 'meeting',
          createdAt: new Date('2026-12-07T07:30:00Z'),
          status: { state: 'ended', endedAt: new Date('2026-12-07T08:00:00Z'), minutes: 28, participants: 6 },
        },
      ]),
    );
    const ratings = buildMeetFeedback({ title: slack.public.title, joinUrl: slack.public.joinUrl }, [
      { rating: 5, text: 'Great conversation, thanks!', timestamp: now.toISOString() },
      { rating: 4, text: 'Audio dropped for a minute in the middle.', timestamp: now.toISOString() },
    ]);
    write('slack-ratings', renderMeetFeedback(ratings));

    // Reports, from the sandbox's demo data.
    const usage = await fetchReport(
      meet,
      { kind: 'usage', range: { kind: 'preset', preset: 'last week' }, tenant: 'ACME01' },
      { now, timeZone: zone },
    );
    const feedback = await fetchReport(
      meet,
      { kind: 'feedback', range: { kind: 'preset', preset: '30d' } },
      { now, timeZone: zone },
    );
    const configs: Reply = buildConfigsReply(await meet.listAddonConfigurations());
    write(
      'slack-reports',
      [usage.reply, feedback.reply, configs].map((r) => ({ response_type: 'ephemeral', ...renderReply(r) })),
    );

    // The weekly digest, both platforms, from the sandbox's demo data.
    const period = periodBefore(now, zone);
    const [weekUsage, weekFeedback] = await Promise.all([
      meet.getUsage({ tenant: 'ACME01', from: period.previousStart.toISOString(), to: period.end.toISOString() }),
      meet.getFeedbacks({ tenant: 'ACME01', from: period.start.toISOString(), to: period.end.toISOString() }),
    ]);
    const digest = summarizeDigest({ period, tenant: 'ACME01', usage: weekUsage, feedbacks: weekFeedback });
    write('slack-digest', renderDigestBlocks(digest));
    write('teams-digest', renderDigestCard(digest));

    // Teams: the card, live; the private card; the form; the ratings.
    const teams = interview(
      'teams',
      person('teams', '29:bob', 'Bob Jones', 'bob@contoso.com'),
      person('teams', '29:alice', 'Alice Smith', 'alice@contoso.com'),
    );
    write('teams-meet-created', [
      { type: 'message', attachments: [asAttachment(renderMeetCreatedCard({ ...teams.public, status: live.status }))] },
      { type: 'message', attachments: [asAttachment(renderMeetPrivateCard(teams.private))] },
    ]);
    write('teams-form', {
      task: {
        type: 'continue',
        value: {
          title: 'Create a Meet',
          card: asAttachment(buildCreateForm({ configs: await meet.listAddonConfigurations() })),
        },
      },
    });
    write('teams-ratings', { type: 'message', attachments: [asAttachment(renderMeetFeedbackCard(ratings))] });
    write('teams-usage', { type: 'message', attachments: [asAttachment(renderReplyCard(usage.reply))] });
  } finally {
    await meet.close();
    await sandbox.close();
  }
  process.stdout.write(`samples written to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`samples failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
