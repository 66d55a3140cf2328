import { inject, Injectable } from '@angular/core';

import { Session } from '../core/session';

/** A draft kept in the browser: what was typed, and when. */
export interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

const PREFIX = 'encounters.draft';

/**
 * Drafts of forms in the browser's storage, per signed-in user, so that work survives a reload or an expired
 * session: a form saves its draft as it changes, restores it when it opens, and clears it once saved.
 */
@Injectable({ providedIn: 'root' })
export class FormDrafts {
  private readonly session = inject(Session);

  /** Where the drafts are kept: the browser's storage, kept across visits. */
  protected storage(): Storage {
    return localStorage;
  }

  private key(name: string): string | null {
    const userId = this.session.user()?.id;
    return userId ? `${PREFIX}.${userId}.${name}` : null;
  }

  save<T>(name: string, value: T): void {
    const key = this.key(name);
    if (!key) return;
    try {
      this.storage().setItem(key, JSON.stringify({ value, savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or refused (a private window): the form still works, without a draft.
    }
  }

  load<T>(name: string): StoredDraft<T> | null {
    const key = this.key(name);
    if (!key) return null;
    try {
      const text = this.storage().getItem(key);
      const draft = text ? (JSON.parse(text) as StoredDraft<T>) : null;
      return draft && typeof draft === 'object' && 'value' in draft ? draft : null;
    } catch {
      return null;
    }
  }

  clear(name: string): void {
    const key = this.key(name);
    if (key) this.storage().removeItem(key);
  }
}

/**
 * Drafts kept for as long as the browser tab stays open (`sessionStorage`), for work that lists many learners'
 * personal data at once (quick entry of a class's destinations): they survive a reload and an expired session,
 * not the tab.
 */
@Injectable({ providedIn: 'root' })
export class TabDrafts extends FormDrafts {
  protected override storage(): Storage {
    return sessionStorage;
  }
}

/** "14:05" today, "12 Nov, 14:05" another day: when a draft was kept. */
export function draftTime(savedAt: string, now = new Date()): string {
  const when = new Date(savedAt);
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return when.toDateString() === now.toDateString()
    ? time
    : `${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
}
