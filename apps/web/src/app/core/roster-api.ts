import { Injectable } from '@angular/core';
import { AcademicYear, RosterImportMapping, RosterImportResult, RosterMoveRequest } from '@encounters/domain';
import { Observable } from 'rxjs';

import { ApiResource } from './api-client';

/** The answer of a roster import, with the fields the API adds to the contract. */
export interface RosterImportAnswer extends RosterImportResult {
  /** Headers that match no roster field and were ignored. */
  ignoredHeaders?: string[];
  /** Errors left out of `errors`, which lists the first 1,000. */
  errorsOmitted?: number;
}

@Injectable({ providedIn: 'root' })
export class RosterApi extends ApiResource {
  /**
   * Uploads the MIS export; a dry run (the default) reports what would happen and writes nothing. `mapping`
   * places headers the import does not know; a commit keeps it for the academy.
   */
  upload(
    academyId: string,
    academicYear: AcademicYear,
    file: Blob,
    fileName: string,
    dryRun: boolean,
    mapping: RosterImportMapping = {},
  ): Observable<RosterImportAnswer> {
    const body = new FormData();
    if (Object.keys(mapping).length > 0) body.append('mapping', JSON.stringify(mapping));
    body.append('file', file, fileName);
    return this.http.post(`/academies/${academyId}/roster`, body, { academicYear, dryRun });
  }

  /** Marks learners a new file leaves out as leavers: their latest enrolment at the academy gets the date. */
  markLeavers(
    academyId: string,
    academicYear: AcademicYear,
    learnerIds: string[],
    leavingDate: string,
  ): Observable<{ marked: number }> {
    return this.http.post(`/academies/${academyId}/leavers`, { academicYear, learnerIds, leavingDate });
  }

  /** Pending move requests the user decides on (their academy holds the learner) or made. */
  moveRequests(): Observable<RosterMoveRequest[]> {
    return this.http.get('/roster-moves');
  }

  /** Confirms or declines a move request; a confirmed one enrols the learner at the requesting academy. */
  decideMove(id: string, decision: 'confirm' | 'decline'): Observable<RosterMoveRequest> {
    return this.http.post(`/roster-moves/${id}/${decision}`, {});
  }
}
