import type { ReportCommand } from './command';
import type { Result } from './errors';
import type { Arg } from './parse-args';
import { parseRange } from './parse-range';
import { parseTenant } from './parse-tenant';

/** `usage [RANGE] [tenant:CODE]` and `feedback [RANGE] [tenant:CODE]`. */
export function buildReport(kind: ReportCommand['kind'], args: readonly Arg[]): Result<ReportCommand> {
  const words: string[] = [];
  let tenant: string | undefined;
  for (const arg of args) {
    switch (arg.kind) {
      case 'word':
        words.push(arg.text);
        break;
      case 'quoted':
        words.push(...arg.text.split(/\s+/).filter((word) => word !== ''));
        break;
      case 'person':
        return {
          ok: false,
          error: {
            message: `${kind} reports on the whole tenant; it takes no people (${arg.ref.token}).`,
            token: arg.ref.token,
          },
        };
      case 'option': {
        if (arg.key !== 'tenant') {
          const why = arg.key === 'tz' ? ' The range uses your time zone.' : '';
          return {
            ok: false,
            error: {
              message: `${arg.key}: is not used by ${kind}; it takes a range and tenant:CODE.${why}`,
              token: arg.raw,
            },
          };
        }
        if (tenant !== undefined)
          return { ok: false, error: { message: 'tenant: is given twice. Give it once.', token: arg.raw } };
        const parsed = parseTenant(arg.value, arg.raw);
        if (!parsed.ok) return parsed;
        tenant = parsed.value;
        break;
      }
    }
  }
  const range = parseRange(words);
  if (!range.ok) return range;
  return {
    ok: true,
    value: tenant === undefined ? { kind, range: range.value } : { kind, range: range.value, tenant },
  };
}
