import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { EMPTY, of } from 'rxjs';

import { ReflectionDialog, ReflectionDialogData } from './reflection-dialog';

describe(ReflectionDialog.name, () => {
  let fixture: ComponentFixture<ReflectionDialog>;
  let close: jest.Mock;

  function open(data: ReflectionDialogData): HTMLElement {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [ReflectionDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        {
          provide: MatDialogRef,
          useValue: { close, backdropClick: () => EMPTY, keydownEvents: () => EMPTY, disableClose: false },
        },
      ],
    });
    fixture = TestBed.createComponent(ReflectionDialog);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function button(page: HTMLElement, text: string): HTMLButtonElement {
    const found = [...page.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  it('asks for a rating before it keeps anything, and trims the comment', async () => {
    const page = open({ learnerName: 'Ada Okafor', reflection: null });
    expect(page.querySelector('h2')?.textContent).toContain('Ada Okafor’s reflection');
    expect(button(page, 'Keep reflection').disabled).toBe(true);
    expect(page.textContent).not.toContain('Remove reflection');

    (page.querySelector('[data-rating="4"] button') as HTMLButtonElement).click();
    const comment = page.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = '  I want to see a real factory  ';
    comment.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    button(page, 'Keep reflection').click();
    expect(close).toHaveBeenCalledWith({
      reflection: { rating: 4, comment: 'I want to see a real factory' },
    });
  });

  it('shows the reflection held and can remove it', () => {
    const page = open({ learnerName: 'Ben Hughes', reflection: { rating: 2, comment: 'Too noisy' } });
    expect((page.querySelector('textarea') as HTMLTextAreaElement).maxLength).toBe(2000);
    expect(page.querySelector('[data-rating="2"]')?.classList).toContain('mat-button-toggle-checked');
    button(page, 'Remove reflection').click();
    expect(close).toHaveBeenCalledWith({ reflection: null });
  });

  it('asks before Cancel throws away what was typed, and closes straight away when nothing was', async () => {
    const page = open({ learnerName: 'Cara Patel', reflection: null });
    const ask = jest
      .spyOn(fixture.componentInstance['dialog'], 'open')
      .mockReturnValue({ afterClosed: () => of(false) } as unknown as ReturnType<MatDialog['open']>);
    button(page, 'Cancel').click();
    await fixture.whenStable();
    expect(ask).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledWith(undefined);

    close.mockClear();
    (page.querySelector('[data-rating="3"] button') as HTMLButtonElement).click();
    fixture.detectChanges();
    button(page, 'Cancel').click();
    await fixture.whenStable();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
  });
});
