/** A scripted failure: see `SandboxFault` in server.ts. */
export interface SandboxFault {
  /** Any method when omitted. */
  method?: string;
  /** Matched against the path without query. */
  path: string | RegExp;
  /** Answer this status instead of handling (with `body`, `headers`). */
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON (default: a ProblemDetails of `status`); a string with a non-JSON content-type header is sent as it is. */
  body?: unknown;
  /** Wait this long first (then answer `status`, or handle normally when no status). */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** How many matching requests it applies to; default 1; Infinity allowed. */
  times?: number;
}

export interface FaultList {
  add(fault: SandboxFault): void;
  clear(): void;
  /** The first fault matching the request, counted as used once. */
  take(method: string, path: string): SandboxFault | undefined;
}

interface ActiveFault {
  fault: SandboxFault;
  remaining: number;
}

function matches(fault: SandboxFault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof fault.path === 'string') return fault.path === path;
  fault.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
  return fault.path.test(path);
}

export function createFaultList(): FaultList {
  let active: ActiveFault[] = [];
  return {
    add(fault) {
      const times = fault.times ?? 1;
      if (!(times > 0)) throw new RangeError('a fault applies at least once (times > 0)');
      active.push({ fault: { ...fault }, remaining: times });
    },
    clear() {
      active = [];
    },
    take(method, path) {
      const found = active.find((a) => matches(a.fault, method, path));
      if (!found) return undefined;
      found.remaining -= 1;
      if (found.remaining <= 0) active = active.filter((a) => a !== found);
      return found.fault;
    },
  };
}
