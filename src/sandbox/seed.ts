import type { SandboxState } from './state';

/** Demo data relative to `state.now()`. */
export function seedState(state: SandboxState): void {
  void state;
}
