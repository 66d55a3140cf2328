// Helpers for the component tests (only specs import this folder; the app's build leaves it out).
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, computed, EnvironmentProviders, Provider, signal } from '@angular/core';
import { ComponentFixture } from '@angular/core/testing';
import { provideRouter, Routes, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserResponse } from '@encounters/domain';

import { Session } from '../core/session';

/** The element, or a failed test saying what was missing. */
export function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`Nothing matches ${selector}`);
  return element;
}

/** Lets a fixture's resources answer and its view catch up: a turn of the event loop either side of a check. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve));
}

/** A page with nothing on it, for the routes a test navigates to but does not look at. */
@Component({ selector: 'enc-blank', template: '' })
export class Blank {}

/**
 * What a routed page needs under test: the routes, with query parameters bound to inputs; HTTP that the test
 * answers itself (`HttpTestingController`); and a session signed in as `user`.
 */
export function routedPageProviders(
  routes: Routes,
  user: CurrentUserResponse,
): (Provider | EnvironmentProviders)[] {
  const signedIn = signal<CurrentUserResponse | null>(user);
  return [
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(),
    provideHttpClientTesting(),
    { provide: Session, useValue: { user: signedIn, roles: computed(() => signedIn()?.roles ?? []) } },
  ];
}

/** The page a `RouterTestingHarness` shows, or a failed test. */
export function routedPage(harness: RouterTestingHarness): HTMLElement {
  const element = harness.routeNativeElement;
  if (!element) throw new Error('No page is shown');
  return element;
}
