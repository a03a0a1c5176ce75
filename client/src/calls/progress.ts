/**
 * Runs a task under a cancellable progress notification: the notification's Cancel button aborts
 * the task's AbortSignal (the engine stops at the next safe point and keeps partial results).
 * Silent runs get the signal without any UI.
 */
import * as vscode from 'vscode';

export type ReportProgress = (message: string, increment?: number) => void;

export async function withCancellableProgress<T>(title: string, silent: boolean | undefined,
  task: (report: ReportProgress, signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (silent) return task(() => undefined, controller.signal);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await task((message, increment) => progress.report({ message, increment }), controller.signal);
      } finally {
        subscription.dispose();
      }
    },
  );
}
