import { checkView } from '../../src/slack/limits';
import { eventually } from '../fixtures/eventually';
import { dayAt, formatIn } from '../fixtures/instants';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';
import { base, submission } from './slack-modal-submission';

/** The Create-a-Meet modal's day and time pickers: read in the typist's Slack zone; mistakes inline. */

const tokyo = 'Asia/Tokyo';

describe('the Slack modal’s date and time pickers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.slack.addUser({
      id: 'UREC',
      name: 'rita',
      email: 'rita@acme.com',
      firstName: 'Rita',
      lastName: 'Recruiter',
      tz: tokyo,
    });
  });
  afterAll(() => h.close());

  const picked = (date?: string, time?: string) => ({
    ...base,
    title: { type: 'plain_text_input', value: 'Planned in the form' },
    emails: { type: 'plain_text_input', value: 'jane@example.com' },
    ...(date ? { date: { type: 'datepicker', selected_date: date } } : {}),
    ...(time ? { time: { type: 'timepicker', selected_time: time } } : {}),
  });

  it('the modal has a datepicker and a timepicker, within Slack’s limits', async () => {
    await h.slash('new', { triggerId: 'trigger.pickers' });
    const call = await h.slack.waitFor(() =>
      h.slack.callsTo('views.open').find((c) => c.args.trigger_id === 'trigger.pickers'),
    );
    const view = call.args.view as { blocks: Array<{ block_id?: string; element?: { type: string } }> };
    expect(checkView(view as Record<string, unknown>)).toEqual([]);
    expect(view.blocks.find((b) => b.block_id === 'date')?.element?.type).toBe('datepicker');
    expect(view.blocks.find((b) => b.block_id === 'time')?.element?.type).toBe('timepicker');
  });

  it('a day without a time, and a time in the past, show on their fields; nothing is created', async () => {
    const onlyDay = JSON.parse((await h.interact(submission(picked('2030-01-10'), 'VDAY'))).body);
    expect(onlyDay).toMatchObject({
      response_action: 'errors',
      errors: { time: expect.stringMatching(/Pick the time too/) },
    });

    const yesterday = formatIn(new Date(Date.now() - 24 * 3600_000), 'yyyy-MM-dd', tokyo);
    const past = JSON.parse((await h.interact(submission(picked(yesterday, '10:00'), 'VPAST'))).body);
    expect(past.response_action).toBe('errors');
    expect(past.errors.date).toMatch(/Asia\/Tokyo is in the past\. Pick a later day or time\./);
    expect(h.sandbox.meetings).toHaveLength(0);
  });

  it('a day and a time create the Meet now, for that time in the typist’s own zone', async () => {
    const start = dayAt(new Date(), 2, '09:30', tokyo);
    const date = formatIn(start, 'yyyy-MM-dd', tokyo);
    const ok = await h.interact(submission(picked(date, '09:30'), 'VLATER', h.slack.responseUrl('modal-later')));
    expect(ok.status).toBe(200);
    const message = await waitForChannelMessage(h.slack, 'Planned in the form');
    expect(JSON.stringify(message.body)).toContain(`<!date^${start.getTime() / 1000}^{date_short_pretty} {time}|`);
    const scheduled = await eventually(async () => h.store.findScheduled(h.sandbox.meetings[0].code), 'the schedule');
    expect(scheduled).toMatchObject({ timeZone: tokyo, reminder: 'pending' });
    expect(scheduled.startsAt.toISOString()).toBe(start.toISOString());
  });
});
