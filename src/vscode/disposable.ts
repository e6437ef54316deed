// The one base for adapters that own listeners, emitters and collections: register them once, and
// dispose() releases them all, once, in reverse order (a late registration after disposal is released at once).
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposedValue = false;

  protected get isDisposed(): boolean {
    return this.disposedValue;
  }

  protected register<T extends vscode.Disposable>(...items: [T, ...vscode.Disposable[]]): T {
    for (const item of items) {
      if (this.disposedValue) item.dispose();
      else this.owned.push(item);
    }
    return items[0];
  }

  dispose(): void {
    if (this.disposedValue) return;
    this.disposedValue = true;
    for (const item of this.owned.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        console.warn(`System Design: disposing failed: ${String(error)}`);
      }
    }
  }
}
