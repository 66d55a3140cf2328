import { CreateTrustAndAcademies1763820000000 } from './1763820000000-CreateTrustAndAcademies';
import { CreateUsersSessionsAndAuditLog1763820100000 } from './1763820100000-CreateUsersSessionsAndAuditLog';
import { CreateLearnersGroupsAndEnrolments1763820200000 } from './1763820200000-CreateLearnersGroupsAndEnrolments';
import { CreateOrganisationsEncountersAndGuidanceMeetings1763820300000 } from './1763820300000-CreateOrganisationsEncountersAndGuidanceMeetings';

import { CreatePolicyAndLearnerProgress1763820400000 } from './1763820400000-CreatePolicyAndLearnerProgress';

import { KeepAnonymousAttendanceOfErasedLearners1763820500000 } from './1763820500000-KeepAnonymousAttendanceOfErasedLearners';
import { CreateCoverageSnapshots1763820600000 } from './1763820600000-CreateCoverageSnapshots';

import { KeepEnrolmentFactsWithLearnerProgress1763820700000 } from './1763820700000-KeepEnrolmentFactsWithLearnerProgress';
import { AllowMovesWithinAYear1763820800000 } from './1763820800000-AllowMovesWithinAYear';
import { KeepFailedSignInsInTheDatabase1763820900000 } from './1763820900000-KeepFailedSignInsInTheDatabase';
import { RecordFreeSchoolMealsAndRosterHeaderMappings1764910000000 } from './1764910000000-RecordFreeSchoolMealsAndRosterHeaderMappings';
import { AddSecondFactorAndSingleSignOn1764920000000 } from './1764920000000-AddSecondFactorAndSingleSignOn';
import { PurgeDeletedGuidanceMeetings1764940000000 } from './1764940000000-PurgeDeletedGuidanceMeetings';
import { CreateRosterMoveRequests1764960000000 } from './1764960000000-CreateRosterMoveRequests';
import { CountSignInAttemptsAtomically1764960000100 } from './1764960000100-CountSignInAttemptsAtomically';
import { ShareTheSetupCodeBetweenProcesses1764970000000 } from './1764970000000-ShareTheSetupCodeBetweenProcesses';
import { AllowMultiTenantMicrosoftProviders1764983000000 } from './1764983000000-AllowMultiTenantMicrosoftProviders';
import { RecordWorkExperienceHoursAndPost16Academies1764986000000 } from './1764986000000-RecordWorkExperienceHoursAndPost16Academies';
import { KeepWorkExperienceHoursWithLearnerProgress1764991000000 } from './1764991000000-KeepWorkExperienceHoursWithLearnerProgress';
import { RecordDestinations1764996000000 } from './1764996000000-RecordDestinations';
import { IndexProviderEncountersOfferedToPost161764995000000 } from './1764995000000-IndexProviderEncountersOfferedToPost16';
import { VersionCoverageByAcademyAndYear1764930000000 } from './1764930000000-VersionCoverageByAcademyAndYear';

/** Every migration, oldest first. Listed by hand because the API is bundled into one file. */
export const migrations = [
  CreateTrustAndAcademies1763820000000,
  CreateUsersSessionsAndAuditLog1763820100000,
  CreateLearnersGroupsAndEnrolments1763820200000,
  CreateOrganisationsEncountersAndGuidanceMeetings1763820300000,
  CreatePolicyAndLearnerProgress1763820400000,
  KeepAnonymousAttendanceOfErasedLearners1763820500000,
  CreateCoverageSnapshots1763820600000,
  KeepEnrolmentFactsWithLearnerProgress1763820700000,
  AllowMovesWithinAYear1763820800000,
  KeepFailedSignInsInTheDatabase1763820900000,
  RecordFreeSchoolMealsAndRosterHeaderMappings1764910000000,
  AddSecondFactorAndSingleSignOn1764920000000,
  VersionCoverageByAcademyAndYear1764930000000,
  PurgeDeletedGuidanceMeetings1764940000000,
  CreateRosterMoveRequests1764960000000,
  CountSignInAttemptsAtomically1764960000100,
  ShareTheSetupCodeBetweenProcesses1764970000000,
  AllowMultiTenantMicrosoftProviders1764983000000,
  RecordWorkExperienceHoursAndPost16Academies1764986000000,
  KeepWorkExperienceHoursWithLearnerProgress1764991000000,
  IndexProviderEncountersOfferedToPost161764995000000,
  RecordDestinations1764996000000,
];
