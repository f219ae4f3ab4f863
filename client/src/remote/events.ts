/**
 * A tiny typed event, shaped like VS Code's `Event<T>` (listener in,
 * disposable out) so the UI layer can hand it to a TreeDataProvider as is,
 * without the remote layer importing `vscode`.
 */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (e: T) => void) => Disposable;

export class Emitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A failing listener must not stop the others, nor the remote layer.
      }
    }
  }
  dispose(): void {
    this.listeners.clear();
  }
}
