/** The bot scopes meetbot cannot work without; the manifest and the OAuth install ask for them (a test checks). */
export const botScopes = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email'] as const;

/**
 * Scopes that turn on more, asked for too; without one meetbot still works and says what is lost
 * (`meetbot doctor` warns).
 */
export const optionalBotScopes: Readonly<Record<string, string>> = {
  'calls:write': 'Meets do not show as Slack Calls (their message alone carries the status)',
  'links:read': 'pasted Meet links are not previewed (Slack does not tell meetbot about them)',
  'links:write': 'pasted Meet links are not previewed (Slack refuses the preview)',
};

/** Everything the manifest and the OAuth install ask for. */
export const requestedBotScopes: readonly string[] = [...botScopes, ...Object.keys(optionalBotScopes)];
