import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { asAtQuickPicks } from './as-at-dates';
import { AsAtPicker } from './as-at-picker';

@Component({
  imports: [AsAtPicker],
  template: `<enc-as-at-picker [(value)]="asAt" [academicYear]="2026" />`,
})
class Host {
  readonly asAt = signal('2026-11-30');
}

describe(AsAtPicker.name, () => {
  it('explains the measuring dates beside their buttons, and picks one', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;

    const group = page.querySelector('[role="group"]');
    const explained = page.querySelector('.explained');
    expect(group?.getAttribute('aria-label')).toBe('Measuring dates');
    expect(explained?.id).toBeTruthy();
    expect(group?.getAttribute('aria-describedby')).toBe(explained?.id);
    expect(explained?.textContent).toContain('the end of the autumn term (31 Dec), the spring term (31 Mar)');
    expect(explained?.textContent).toContain('Encounters after the date chosen are not counted.');

    const buttons = [...page.querySelectorAll<HTMLButtonElement>('[role="group"] button')];
    expect(buttons.map((button) => button.getAttribute('title'))).toEqual([
      '31 Dec 2026: the end of the autumn term',
      '31 Mar 2027: the end of the spring term',
      '31 Jul 2027: the end of the academic year',
    ]);
    buttons[1].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.asAt()).toBe('2027-03-31');
    expect(buttons[1].getAttribute('aria-pressed')).toBe('true');
  });

  it('gives each picker on a page its own explanation id', () => {
    const first = TestBed.createComponent(Host);
    const second = TestBed.createComponent(Host);
    first.detectChanges();
    second.detectChanges();
    const id = (fixture: typeof first) =>
      (fixture.nativeElement as HTMLElement).querySelector('.explained')?.id;
    expect(id(first)).not.toBe(id(second));
    expect(asAtQuickPicks(2026).map((pick) => pick.date)).toEqual(['2026-12-31', '2027-03-31', '2027-07-31']);
  });
});
