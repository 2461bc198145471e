import type { CheckResult, CheckStatus } from './check-result';

const labels: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/**
 * The results for a terminal: one line per check (`STATUS  name  message. Fix: …`), words rather
 * than symbols so it reads the same in any terminal, a log file or an email; then a summary line.
 */
export function renderDoctor(results: readonly CheckResult[]): string {
  const width = Math.min(32, Math.max(...results.map((r) => r.name.length)));
  const lines = results.map((r) => {
    // A skipped part's fix says how to turn it on: no "Fix:" for something that is not broken.
    const fix = !r.fix ? '' : r.status === 'skip' ? ` ${capitalize(sentence(r.fix))}` : ` Fix: ${sentence(r.fix)}`;
    return `${labels[r.status]}  ${r.name.padEnd(width)}  ${sentence(r.message)}${fix}`;
  });
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  const failed = count('fail');
  const summary = `${count('pass')} passed, ${count('warn')} warnings, ${failed} failed, ${count('skip')} skipped`;
  lines.push('', failed > 0 ? `meetbot doctor: ${summary}: fix the FAIL lines.` : `meetbot doctor: ${summary}.`);
  return lines.join('\n');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
