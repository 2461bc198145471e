import type { webApi } from '@slack/bolt';
import type { AddonConfiguration } from '../meet/schemas';
import type { SlackContext } from './context';
import { buildCreateMeetView, type ModalPrefill } from './modal';

/** Slack's trigger_id dies after 3 s: open at once with what we have, fill configurations in later. */
const configWaitMs = 800;

export async function openCreateModal(
  ctx: SlackContext,
  client: webApi.WebClient,
  request: { triggerId: string; channelId?: string; prefill?: ModalPrefill },
): Promise<void> {
  const prefill = { ...request.prefill, channelId: request.channelId ?? request.prefill?.channelId };
  const loading: Promise<AddonConfiguration[] | null> = ctx.meet.listAddonConfigurations().catch((error: unknown) => {
    ctx.logger.warn({ err: error }, 'addon configurations unavailable for the Create-a-Meet modal');
    return null;
  });
  const early = await Promise.race([
    loading,
    new Promise<undefined>((r) => setTimeout(() => r(undefined), configWaitMs)),
  ]);
  const opened = await client.views.open({ trigger_id: request.triggerId, view: buildCreateMeetView(prefill, early) });
  if (early !== undefined) return;
  const configs = await loading;
  const view = opened.view;
  if (!view?.id) return;
  await client.views.update({ view_id: view.id, hash: view.hash, view: buildCreateMeetView(prefill, configs) });
}
