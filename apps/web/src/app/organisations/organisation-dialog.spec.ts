import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { OrganisationDetailResponse } from '@encounters/domain';
import { EMPTY } from 'rxjs';

import { OrganisationView } from '../core/organisations-api';
import { OrganisationDialog } from './organisation-dialog';

const university: OrganisationView = {
  id: 'keele',
  name: 'Keele University',
  type: 'higher_education',
  sectors: [],
  sizeBand: null,
  offersTechnicalEducation: false,
  contact: null,
  notes: null,
};

describe(OrganisationDialog.name, () => {
  let fixture: ComponentFixture<OrganisationDialog>;
  let httpTesting: HttpTestingController;
  let close: jest.Mock;

  async function edit(detail: Pick<OrganisationDetailResponse, 'usedBy' | 'editable'>): Promise<HTMLElement> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [OrganisationDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { organisation: university } },
        {
          provide: MatDialogRef,
          useValue: { close, backdropClick: () => EMPTY, keydownEvents: () => EMPTY, disableClose: false },
        },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OrganisationDialog);
    fixture.detectChanges();
    httpTesting
      .expectOne({ method: 'GET', url: '/api/organisations/keele' })
      .flush({ ...university, ...detail });
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function input(page: HTMLElement, name: string): HTMLInputElement {
    return page.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
  }

  afterEach(() => httpTesting.verify());

  it('says which academies use the organisation, and lets a lead of another academy change only the contact', async () => {
    const page = await edit({ usedBy: [{ id: 'a', name: 'Kilnside Academy' }], editable: 'contact' });
    const usedBy = page.querySelector('[data-testid="organisation-used-by"]')?.textContent ?? '';
    expect(usedBy).toContain('Used by Kilnside Academy.');
    expect(usedBy).toContain('only a trust administrator may');
    expect(input(page, 'name').disabled).toBe(true);
    expect(input(page, 'notes').disabled).toBe(true);
    expect(input(page, 'email').disabled).toBe(false);

    const email = input(page, 'email');
    email.value = 'schools@keele.example';
    email.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const request = httpTesting.expectOne({ method: 'PATCH', url: '/api/organisations/keele' });
    expect(request.request.body).toEqual({
      contact: { name: null, email: 'schools@keele.example', phone: null },
    });
    request.flush(university);
    await fixture.whenStable();
    expect(close).toHaveBeenCalled();
  });

  it('leaves every field open to whoever may change everything', async () => {
    const page = await edit({ usedBy: [], editable: 'all' });
    expect(page.querySelector('[data-testid="organisation-used-by"]')?.textContent).toContain(
      'No academy has logged an encounter with it yet.',
    );
    expect(input(page, 'name').disabled).toBe(false);
  });
});
