/** A view_submission of the Create-a-Meet modal as Slack sends it, for the modal's end-to-end tests. */

export function submission(values: Record<string, Record<string, unknown>>, viewId: string, responseUrl?: string) {
  const state: Record<string, { value: unknown }> = {};
  for (const [block, value] of Object.entries(values)) state[block] = { value };
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'acme' },
    user: { id: 'UREC', name: 'rita', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    trigger_id: `trigger.${viewId}`,
    view: {
      id: viewId,
      team_id: 'T0001',
      type: 'modal',
      callback_id: 'create_meet',
      hash: `hash.${viewId}`,
      private_metadata: '{"channelId":"C0CHAN"}',
      state: { values: state },
      blocks: [],
      title: { type: 'plain_text', text: 'Create a Meet' },
      app_id: 'A0001',
      bot_id: 'BBOT',
    },
    response_urls: responseUrl
      ? [{ block_id: 'channel', action_id: 'value', channel_id: 'C0CHAN', response_url: responseUrl }]
      : [],
  };
}

export const base = {
  template: { type: 'static_select', selected_option: { value: 'meeting' } },
  channel: { type: 'conversations_select', selected_conversation: 'C0CHAN' },
  guests: { type: 'radio_buttons', selected_option: { value: 'default' } },
};
