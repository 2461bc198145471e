import { type Context, ErrorCode, type ViewSubmitAction, type webApi } from '@slack/bolt';
import { listMeetsOfToday } from '../flows/my-meets';
import { reportFailure } from '../flows/report-failure';
import { renderReply } from './blocks';
import { handleSlashCommand } from './commands';
import type { SlackContext } from './context';
import { buildHomeView, homeCreateActionId, homeRecentLimit } from './home';
import { answerUnauthorized, forgetInstallation } from './install-lifecycle';
import { createMeetCallbackId, findEmails, findMentions } from './modal';
import { handleCreateSubmission } from './modal-submit';
import { openCreateModal } from './open-modal';
import { createMeetStepCallbackId } from './step-inputs';
import { unfurlMeetLinks, viewerOf } from './unfurl';
import { runCreateMeetStep } from './workflow-step';

/** Every Bolt listener: ack first, then the work (processBeforeResponse is off, the ack leaves at once). */
export function registerListeners(ctx: SlackContext, options: { oauth: boolean }): void {
  const { app, logger } = ctx;

  // What runs after an ack is tracked: a shutdown finishes it before the store closes.
  const { inFlight } = ctx;

  app.command('/meet', async ({ command, ack, client }) => {
    await ack();
    await inFlight.track('/meet', handleSlashCommand(ctx, command, client));
  });

  app.view<ViewSubmitAction>({ callback_id: createMeetCallbackId, type: 'view_submission' }, (args) =>
    inFlight.track('modal submission', handleCreateSubmission(ctx, args)),
  );

  app.shortcut('create_meet', async ({ shortcut, ack, client }) => {
    await ack();
    await guarded(ctx, client, shortcut.user.id, 'shortcut', () =>
      openCreateModal(ctx, client, { triggerId: shortcut.trigger_id }),
    );
  });

  app.shortcut('create_meet_from_message', async ({ shortcut, ack, client }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const text = shortcut.message.text ?? '';
    await guarded(ctx, client, shortcut.user.id, 'message shortcut', () =>
      openCreateModal(ctx, client, {
        triggerId: shortcut.trigger_id,
        channelId: shortcut.channel.id,
        prefill: { emails: findEmails(text), userIds: findMentions(text).filter((id) => id !== shortcut.user.id) },
      }),
    );
  });

  app.action(homeCreateActionId, async ({ ack, body, client }) => {
    await ack();
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!triggerId) return;
    await guarded(ctx, client, body.user.id, 'App Home button', () => openCreateModal(ctx, client, { triggerId }));
  });

  // Link buttons still send an action; unacknowledged, Slack shows the user a warning.
  app.action(/^(join_meet|join_meet_private|home_join_.*|status_join_.*)$/, async ({ ack }) => {
    await ack();
  });
  // Meets for later: the calendar buttons, the reminder's Join, /meet upcoming's Join.
  app.action(/^(calendar_(google|outlook)(_private)?|join_meet_reminder|upcoming_join_.*)$/, async ({ ack }) => {
    await ack();
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const who = { platform: 'slack' as const, userId: event.user };
    const [meets, today] = await Promise.all([
      ctx.store.listMeetsByUser({ ...who, limit: homeRecentLimit }),
      listMeetsOfToday(ctx.store, who, ctx.clock(), ctx.defaultTimeZone),
    ]);
    await client.views.publish({ user_id: event.user, view: buildHomeView(meets, ctx.defaultTimeZone, today) });
  });

  // A meet.rs link in a message or the composer: a preview of each Meet (links:read, links:write).
  app.event('link_shared', async ({ event, body, client }) => {
    await inFlight.track('link unfurl', unfurlMeetLinks(ctx, client, { event, viewer: viewerOf(body) }));
  });

  // Workflow Builder's "Create a Meet" step; Bolt acks function_executed before this runs, and the
  // client carries the execution's own token.
  app.function(createMeetStepCallbackId, async (args) => {
    await inFlight.track('workflow step', runCreateMeetStep(ctx, args));
  });

  const forget = async (context: Context, why: 'app_uninstalled' | 'tokens_revoked') => {
    if (!options.oauth) {
      logger.warn(
        { teamId: context.teamId, why },
        'meetbot was uninstalled or its tokens revoked (single-workspace mode)',
      );
      return;
    }
    await forgetInstallation(ctx, context, why);
  };
  app.event('app_uninstalled', async ({ context }) => forget(context, 'app_uninstalled'));
  // Only the bot's tokens matter: a revoked user token (the installer's) leaves the bot installed.
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context, 'tokens_revoked');
  });

  // extendedErrorHandler (app.ts): the body and context come along, so a request from where
  // meetbot is not installed (an OAuth install removed, or never made) gets words, not silence.
  app.error(async ({ error, body, context }: { error: { code?: string }; body: unknown; context?: Context }) => {
    // Single-workspace mode has no installations: an authorize failure there is auth.test failing.
    if (options.oauth && error.code === ErrorCode.AuthorizationError) {
      answerUnauthorized(ctx, error, body, context?.isEnterpriseInstall === true);
      return;
    }
    logger.error({ err: error }, 'Slack listener failed');
  });
}

/** Runs shortcut work; a failure reaches the person as a direct message with a reference id. */
async function guarded(
  ctx: SlackContext,
  client: webApi.WebClient,
  userId: string,
  where: string,
  work: () => Promise<void>,
) {
  try {
    await ctx.inFlight.track(where, work());
  } catch (error) {
    const reply = reportFailure(ctx.logger, error, where, { operation: 'read' });
    await client.chat
      .postMessage({ channel: userId, ...renderReply(reply) })
      .catch((e: unknown) => ctx.logger.error({ err: e }, 'could not tell the user about the failure'));
  }
}
