// Helpers for the component tests (only specs import this folder; the app's build leaves it out).
import { Component } from '@angular/core';
import { ComponentFixture } from '@angular/core/testing';

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
