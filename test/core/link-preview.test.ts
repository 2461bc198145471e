import { detailsPreview, invitedWords, isSameInstallation } from '../../src/core/link-preview';
import { parseMeetLink } from '../../src/core/meet-link';

const link = parseMeetLink('https://meet.rs/AB12cd34')!;
const url = 'https://meet.rs/AB12cd34';

describe('link previews: who may see what', () => {
  test.each([
    [{ platform: 'slack', workspaceId: 'T1' }, { platform: 'slack' as const, workspaceIds: ['T1'] }, true],
    [{ platform: 'slack', workspaceId: 'E1' }, { platform: 'slack' as const, workspaceIds: ['T1', 'E1'] }, true],
    [{ platform: 'slack', workspaceId: 'T2' }, { platform: 'slack' as const, workspaceIds: ['T1', 'E1'] }, false],
    [{ platform: 'teams', workspaceId: 'T1' }, { platform: 'slack' as const, workspaceIds: ['T1'] }, false],
    [{ platform: 'teams', workspaceId: 'tenant-a' }, { platform: 'teams' as const, workspaceIds: ['tenant-a'] }, true],
    [{ platform: 'teams', workspaceId: 'tenant-a' }, { platform: 'teams' as const, workspaceIds: ['tenant-b'] }, false],
    [{ platform: 'teams' }, { platform: 'teams' as const, workspaceIds: [] }, false],
    [{ platform: 'slack', workspaceId: '' }, { platform: 'slack' as const, workspaceIds: [''] }, false],
  ])('created from %j, seen from %j: details %s', (origin, viewer, same) => {
    expect(isSameInstallation(origin, viewer)).toBe(same);
  });
});

describe('detailsPreview reads only the public fields it shows', () => {
  const shown = {
    title: 'Backend L2',
    joinUrl: 'https://meet.rs/AB12cd34',
    template: 'interview',
    createdBy: { displayName: 'Rita', platform: 'slack', userId: 'UREC', email: 'rita@acme.com' },
    participants: [
      { label: 'Organizer', role: 'Admin', people: [{ displayName: 'Rita', platform: 'slack', userId: 'UREC' }] },
      { label: 'Interviewer', role: 'PowerUser', people: [{ displayName: 'Ian', platform: 'slack', userId: 'UINT' }] },
      { label: 'Candidate', role: 'User', people: [{ displayName: 'jane@example.com', platform: 'slack' }] },
    ],
    guestAccess: 'passcode',
    // Whatever else a stored message held is never copied into a preview.
    passcodes: [{ passcode: '12345678' }],
    guestPasscode: '87654321',
  };

  test('title, template, organizer (by id), everyone counted, the status; nothing else', () => {
    const preview = detailsPreview(url, link, shown, { state: 'created' });
    expect(preview).toEqual({
      kind: 'details',
      url,
      code: 'AB12cd34',
      title: 'Backend L2',
      joinUrl: 'https://meet.rs/AB12cd34',
      template: 'interview',
      organizer: { displayName: 'Rita', platform: 'slack', userId: 'UREC' },
      people: 3,
      status: { state: 'created' },
    });
    expect(JSON.stringify(preview)).not.toMatch(/12345678|87654321|passcode|Microsoft|Google/i);
  });

  test('a damaged record falls back to neutral words, never to what it holds', () => {
    const preview = detailsPreview(
      url,
      link,
      { title: 7, joinUrl: 'javascript:alert(1)', template: 'party' },
      {
        state: 'expired',
      },
    );
    expect(preview).toMatchObject({
      title: 'Meet AB12cd34',
      joinUrl: 'https://meet.rs/AB12cd34',
      template: 'meeting',
      organizer: { displayName: 'someone' },
      people: 0,
    });
    expect(detailsPreview(url, link, null, { state: 'created' })).toMatchObject({ title: 'Meet AB12cd34' });
  });

  test('the invited count in words', () => {
    expect(invitedWords('interview', 3)).toBe('3 people invited');
    expect(invitedWords('meeting', 1)).toBe('1 person invited');
    expect(invitedWords('quick', 0)).toBe('anyone with the link');
  });
});
