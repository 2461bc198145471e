/**
 * A Meet's join link, `https://meet.rs/CODE`, told apart from the rest of meet.rs (its pages).
 *
 * What a code looks like: the Meet API's examples (`5LM7fdZ0`, `le3YHkUb`) and every join URL the
 * API returns are exactly 8 ASCII letters and digits, case significant, and the sandbox makes them
 * the same way. So a path of any other length, or with another segment, is a page (`/pro`,
 * `/pricing`, `/privacy`, `/terms/x`): left alone. Eight lowercase letters are ambiguous: a page
 * could be called `/features` or `/download`, and about one code in a thousand has no digit and no
 * capital. Such a link is `pageLike`: it is previewed only when meetbot knows the code as a Meet.
 *
 * http as well as https: Slack links a typed `meet.rs/CODE` as `http://meet.rs/CODE`. `www.` is
 * the same site. A query or a fragment does not change which Meet it is. A user name, a password or
 * a port does not belong in a Meet link: not one.
 */

export interface MeetLink {
  code: string;
  /** The canonical join URL, whatever form the link had. */
  joinUrl: string;
  /** Eight lowercase letters: could be a meet.rs page as well as a Meet. */
  pageLike: boolean;
}

const meetHosts = new Set(['meet.rs', 'www.meet.rs']);
const codePath = /^\/([A-Za-z0-9]{8})\/?$/;

export function meetJoinUrl(code: string): string {
  return `https://meet.rs/${code}`;
}

export function parseMeetLink(text: string): MeetLink | undefined {
  // Links are short; anything longer is not one of ours, and is not worth parsing.
  if (text.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // Not a URL at all (the platforms send what people typed): not a Meet link.
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!meetHosts.has(url.hostname) || url.port || url.username || url.password) return undefined;
  const match = codePath.exec(url.pathname);
  if (!match) return undefined;
  const code = match[1];
  return { code, joinUrl: meetJoinUrl(code), pageLike: /^[a-z]{8}$/.test(code) };
}
