import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AttendeeList, byRegisterOrder, ChosenLearner, filterLearners, registerName } from './attendee-list';
import { find, settle as settleFixture } from '../testing/page-test';

function chosen(
  id: string,
  forename: string,
  surname: string,
  groupName: string,
  present = true,
): ChosenLearner {
  return {
    id,
    upn: `A12345678901${id}`,
    name: `${forename} ${surname}`,
    names: {
      legalForename: forename,
      legalSurname: surname,
      preferredForename: null,
      preferredSurname: null,
      name: `${forename} ${surname}`,
    },
    yearGroup: 10,
    groupName,
    present,
  };
}

@Component({
  imports: [AttendeeList],
  template: `<enc-attendee-list [(learners)]="learners" /><button id="save-encounter">Save</button>`,
})
class Host {
  readonly learners = signal<ChosenLearner[]>([
    chosen('1', 'Ada', 'Okafor', '10B'),
    chosen('2', 'Ben', 'Hughes', '10A'),
    chosen('3', 'Cara', 'Patel', '10A'),
    chosen('4', 'Abi', 'Okafor', '10C'),
  ]);
}

describe(AttendeeList.name, () => {
  let fixture: ComponentFixture<Host>;
  const settle = () => settleFixture(fixture);
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () =>
    [...page().querySelectorAll('.learner-list li')].map((row) =>
      row.querySelector('.learner-text')?.firstChild?.textContent?.trim(),
    );
  const absentIds = () =>
    fixture.componentInstance
      .learners()
      .filter((learner) => !learner.present)
      .map((learner) => learner.id);

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Host] });
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  it('lists learners in register order, surname then forename', () => {
    expect(rows()).toEqual(['Hughes, Ben', 'Okafor, Abi', 'Okafor, Ada', 'Patel, Cara']);
  });

  it('filters by name, UPN or class, and Enter in the filter box toggles the learner found', async () => {
    const filter = find<HTMLInputElement>(page(), '[data-testid="attendee-filter"]');
    filter.value = 'ada oka';
    filter.dispatchEvent(new Event('input'));
    await settle();
    expect(rows()).toEqual(['Okafor, Ada']);

    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(absentIds()).toEqual(['1']);
    expect(find(page(), '[data-testid="attendee-announcement"]').textContent).toContain(
      'Ada Okafor marked absent',
    );
    expect(find(page(), '[data-testid="attendance-count"]').textContent?.trim()).toBe(
      '3 attending, 1 absent',
    );

    filter.value = '10a';
    filter.dispatchEvent(new Event('input'));
    await settle();
    expect(rows()).toEqual(['Hughes, Ben', 'Patel, Cara']);
  });

  it('marks pasted names and UPNs absent, and says which it could not match', async () => {
    const toggle = [...page().querySelectorAll('button')].find((button) =>
      button.textContent?.includes('Paste absentees'),
    );
    toggle?.click();
    await settle();
    const paste = find<HTMLTextAreaElement>(page(), '[data-testid="absentee-paste"]');
    paste.value = 'Hughes, Ben\nA123456789013\nZara Nobody';
    paste.dispatchEvent(new Event('input'));
    await settle();
    [...page().querySelectorAll('button')]
      .find((button) => button.textContent?.includes('Mark absent'))
      ?.click();
    await settle();

    expect(absentIds().sort()).toEqual(['2', '3']);
    expect(page().textContent).toContain('Not on this list: Zara Nobody');
  });

  it('gives the list one Tab stop, moved by the arrow keys', async () => {
    const boxes = () => [
      ...page().querySelectorAll<HTMLInputElement>('.learner-list input[type="checkbox"]'),
    ];
    expect(boxes().map((box) => box.tabIndex)).toEqual([0, -1, -1, -1]);
    boxes()[0].focus();
    boxes()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    expect(boxes().map((box) => box.tabIndex)).toEqual([-1, 0, -1, -1]);
    expect(document.activeElement).toBe(boxes()[1]);
  });

  it('has a skip link that moves focus to Save', async () => {
    find<HTMLAnchorElement>(page(), '.skip-link').click();
    await settle();
    expect(document.activeElement?.id).toBe('save-encounter');
  });
});

describe('register order', () => {
  it('sorts by surname, forename and class, whatever the order added', () => {
    const list = [
      chosen('1', 'Zoe', 'Adams', '10B'),
      chosen('2', 'Amy', 'Zane', '10A'),
      chosen('3', 'Zoe', 'Adams', '10A'),
    ];
    expect(list.sort(byRegisterOrder).map((learner) => learner.id)).toEqual(['3', '1', '2']);
  });

  it('falls back on the last word of the name when the names are not known apart', () => {
    expect(registerName({ name: 'Mary Jane Smith' })).toBe('Smith, Mary Jane');
    expect(filterLearners([chosen('1', 'Ada', 'Okafor', '10B')], 'okafor, ada')).toHaveLength(1);
  });
});
