import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { AcademySelect } from './academy-select';

const KILNSIDE = { id: 'a1', name: 'Kilnside Academy' };
const BURSLEM = { id: 'a2', name: 'Burslem Vale' };

@Component({
  imports: [AcademySelect],
  template: `<enc-academy-select
    [academies]="academies()"
    [value]="chosen()"
    (valueChange)="chosen.set($event)"
  />`,
})
class Host {
  readonly academies = signal<{ id: string; name: string }[]>([KILNSIDE]);
  readonly chosen = signal('a1');
}

describe(AcademySelect.name, () => {
  it('asks nothing of a user with one academy, and offers the others when there are more', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('[role="combobox"]')).toBeNull();

    fixture.componentInstance.academies.set([KILNSIDE, BURSLEM]);
    await fixture.whenStable();
    const select = page.querySelector<HTMLElement>('[role="combobox"]');
    expect(page.querySelector('mat-label')?.textContent).toBe('Academy');
    expect(select?.textContent).toContain('Kilnside Academy');

    select?.click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Kilnside Academy', 'Burslem Vale']);
    options[1].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.chosen()).toBe('a2');
    expect(select?.textContent).toContain('Burslem Vale');
  });
});
