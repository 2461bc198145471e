import type { LinkViewer } from '../../src/core/link-preview';
import { maxPreviewsPerRequest, previewMeetLinks } from '../../src/flows/preview-meet-link';
import type { WatchedMeet } from '../../src/store/watch-records';
import { createLogCapture } from '../fixtures/log-capture';

/** The use case with a store that answers, fails or hangs; what each link previews as. */

const viewer: LinkViewer = { platform: 'slack', workspaceIds: ['T1'] };

function watch(code: string, fields: Partial<WatchedMeet> = {}): WatchedMeet {
  const at = new Date(0);
  return {
    code,
    platform: 'slack',
    workspaceId: 'T1',
    creatorId: 'UREC',
    shown: { title: `Title of ${code}`, joinUrl: `https://meet.rs/${code}`, template: 'meeting' },
    createdAt: at,
    watchFrom: at,
    state: 'created',
    feedback: 'waiting',
    updatedAt: at,
    ...fields,
  };
}

function storeOf(watches: WatchedMeet[]) {
  const asked: string[] = [];
  return {
    asked,
    findWatch: async (code: string) => {
      asked.push(code);
      return watches.find((w) => w.code === code);
    },
  };
}

describe('previewMeetLinks', () => {
  const capture = createLogCapture('debug');
  const deps = (store: { findWatch(code: string): Promise<WatchedMeet | undefined> }) => ({
    store,
    logger: capture.logger,
  });

  test('in the order shared, each link once; pages get nothing; a known page-like code is a Meet', async () => {
    const store = storeOf([watch('AB12cd34'), watch('lowercas')]);
    const previews = await previewMeetLinks(
      deps(store),
      [
        'https://meet.rs/Zz9Yy8Xx',
        'https://meet.rs/pricing',
        'https://meet.rs/AB12cd34',
        'https://meet.rs/AB12cd34',
        'https://meet.rs/features',
        'https://meet.rs/lowercas',
      ],
      viewer,
    );
    expect(previews.map((p) => [p.kind, p.code])).toEqual([
      ['neutral', 'Zz9Yy8Xx'],
      ['details', 'AB12cd34'],
      ['details', 'lowercas'],
    ]);
    expect(store.asked).toEqual(['Zz9Yy8Xx', 'AB12cd34', 'features', 'lowercas']);
  });

  test('a page-like code that is a Meet of another workspace is still a Meet: neutral', async () => {
    const store = storeOf([watch('lowercas', { workspaceId: 'T2' })]);
    const previews = await previewMeetLinks(deps(store), ['https://meet.rs/lowercas'], viewer);
    expect(previews).toEqual([
      { kind: 'neutral', url: 'https://meet.rs/lowercas', code: 'lowercas', joinUrl: 'https://meet.rs/lowercas' },
    ]);
  });

  test(`at most ${maxPreviewsPerRequest} links of one message are looked up`, async () => {
    const store = storeOf([]);
    const urls = Array.from({ length: 25 }, (_, i) => `https://meet.rs/Code${String(i).padStart(4, '0')}`);
    expect(await previewMeetLinks(deps(store), urls, viewer)).toHaveLength(maxPreviewsPerRequest);
    expect(store.asked).toHaveLength(maxPreviewsPerRequest);
  });

  test('a failing store: every Meet link neutral (page-like ones nothing), one warning', async () => {
    const before = capture.entries.length;
    const failing = { findWatch: async () => Promise.reject(new Error('database is locked')) };
    const previews = await previewMeetLinks(
      deps(failing),
      ['https://meet.rs/AB12cd34', 'https://meet.rs/features', 'https://meet.rs/Zz9Yy8Xx'],
      viewer,
    );
    expect(previews.map((p) => [p.kind, p.code])).toEqual([
      ['neutral', 'AB12cd34'],
      ['neutral', 'Zz9Yy8Xx'],
    ]);
    const lines = capture.entries.slice(before);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, 'link preview: the store failed; neutral previews']]);
  });

  test('a store slower than the deadline: neutral previews at the deadline, not when it answers', async () => {
    const hanging = { findWatch: () => new Promise<WatchedMeet | undefined>(() => undefined) };
    const started = Date.now();
    const previews = await previewMeetLinks(deps(hanging), ['https://meet.rs/AB12cd34'], viewer, { deadlineMs: 50 });
    expect(previews.map((p) => p.kind)).toEqual(['neutral']);
    // A generous bound against a hang, not a timing assertion.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('no Meet link: the store is not asked', async () => {
    const store = storeOf([]);
    expect(
      await previewMeetLinks(deps(store), ['https://example.com/AB12cd34', 'https://meet.rs/pro'], viewer),
    ).toEqual([]);
    expect(store.asked).toEqual([]);
  });
});
