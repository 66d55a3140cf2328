import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RULE_STATUSES, RuleStatus } from '@encounters/domain';

import { StatusChip } from './status-chip';

@Component({
  imports: [StatusChip],
  template: `<enc-status-chip [status]="status()" />`,
})
class Host {
  readonly status = signal<RuleStatus>('met');
}

describe(StatusChip.name, () => {
  async function render(status: RuleStatus): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.status.set(status);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('enc-status-chip');
  }

  it.each([
    ['met', 'Met'],
    ['on_track', 'On track'],
    ['at_risk', 'At risk'],
    ['missed', 'Missed'],
    ['not_applicable', 'n/a'],
  ] as const)('says %s in words, not only in colour', async (status, words) => {
    const sut = await render(status);

    expect(sut.querySelector('.label')?.textContent?.trim()).toBe(words);
    expect(sut.classList).toContain(`status-${status}`);
  });

  it('shows a different icon for every status, hidden from screen readers', async () => {
    const icons = new Set<string | null>();
    for (const status of RULE_STATUSES) {
      const sut = await render(status);
      const svg = sut.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      icons.add(svg?.querySelector('path')?.getAttribute('d') ?? null);
    }

    expect(icons.size).toBe(RULE_STATUSES.length);
  });

  it('explains the status in a tooltip', async () => {
    const sut = await render('at_risk');

    expect(sut.getAttribute('title')).toBe('Not met, and the deadline is close');
  });
});
