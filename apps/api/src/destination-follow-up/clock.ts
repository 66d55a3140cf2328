import { academicYearOf, type AcademicYear, type IsoDate, todayIsoDate } from '@encounters/domain';
import { Injectable } from '@nestjs/common';

/**
 * Today's date for the destinations follow-up: the NEET-risk reviews that are due, the anniversaries to follow
 * up and the leavers due to be pseudonymised. One provider, so that a test can move the day on (three years,
 * for the retention job) without touching the system clock.
 */
@Injectable()
export class Clock {
  /** Today in England (Europe/London), as `YYYY-MM-DD`. */
  today(): IsoDate {
    return todayIsoDate();
  }

  /** The academic year today falls in. */
  academicYear(): AcademicYear {
    return academicYearOf(this.today());
  }
}
