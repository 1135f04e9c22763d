// Sync through the person's own CalDAV server (Radicale, Nextcloud…): the one account, syncing now (or only
// checking what would change), and the app's background syncs. The password goes to the system keyring and is
// never answered back; core checks the address (https, or http on this computer; no user or password inside it).
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { AccountView } from '../bindings/AccountView';
import type { SyncReport } from '../bindings/SyncReport';
import { call } from './ipc';

export type { AccountView } from '../bindings/AccountView';
export type { SyncReport } from '../bindings/SyncReport';

/** The account and its last sync (when, what it did, or why it failed); null when none is set. */
export function syncStatus(): Promise<AccountView | null> {
  return call<AccountView | null>('sync_status');
}

/**
 * Sets the account (replacing any other; the same address and user name keep their sync state and take the new
 * password). The password goes to the system keyring: callers should not keep it once this is called.
 */
export function setSyncAccount(url: string, username: string, password: string): Promise<AccountView> {
  return call<AccountView>('sync_account_set', { url, username, password });
}

/**
 * Forgets the account, its sync state and its password; what is on the server stays there. Answers a warning when
 * the password could not be removed from the system keyring (the account is forgotten all the same), else null.
 */
export function removeSyncAccount(): Promise<string | null> {
  return call<string | null>('sync_account_remove');
}

/**
 * Syncs the active plan now; with `dryRun` nothing is written anywhere and the report says what would be.
 * May take several seconds (it runs on a connection of its own, so other commands keep working).
 * Tauri maps the camelCase key `dryRun` to the command's `dry_run` argument.
 */
export function syncNow(dryRun: boolean): Promise<SyncReport> {
  return call<SyncReport>('sync_now', { dryRun });
}

/**
 * Calls `handler` with the account's state after each background sync (every 15 minutes while an account is
 * set); resolves to the function that stops listening.
 */
export function onSyncFinished(handler: (account: AccountView | null) => void): Promise<UnlistenFn> {
  return listen<AccountView | null>('sync-finished', (e) => handler(e.payload));
}
