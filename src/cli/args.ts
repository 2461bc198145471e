/** Small helpers for the CLI's arguments: the grammar has its own `--key value` options, so no strict parser. */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Removes `--name VALUE` / `--name=VALUE` from `args`; returns the value (or undefined). */
export function takeOption(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === `--${name}`) {
      const value = args[i + 1];
      args.splice(i, 2);
      return value ?? '';
    }
    if (arg.startsWith(`--${name}=`)) {
      args.splice(i, 1);
      return arg.slice(name.length + 3);
    }
  }
  return undefined;
}

/** Removes a boolean `--name` from `args`; returns whether it was there. */
export function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
}

/**
 * Joins argv back into command text. The shell already removed the quotes of `"Weekly sync"` and
 * `title:"Weekly sync"`, so an argument with spaces is quoted again (the grammar reads it as a title
 * or as the option's value).
 */
export function joinGrammar(args: string[]): string {
  return args.map(requote).join(' ');
}

function requote(arg: string): string {
  if (!/\s/.test(arg) || /["“”]/.test(arg)) return arg;
  const option = /^((?:--)?[a-z]+[:=])(.*)$/is.exec(arg);
  return option ? `${option[1]}"${option[2]}"` : `"${arg}"`;
}
