/** The bot scopes of the manifest and of the OAuth install; keep both in step (a test checks). */
export const botScopes = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email'] as const;
