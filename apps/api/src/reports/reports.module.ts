import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearnersModule } from '../learners/learners.module';
import { ComplianceReportService } from './compliance-report.service';
import { CoverageSnapshot } from './coverage-snapshot.entity';
import { DestinationsReportQuery } from './destinations-report.query';
import { DestinationsReportService } from './destinations-report.service';
import { LearnerRecordService } from './learner-record.service';
import { OrganisationReportService } from './organisation-report.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SectorReachQuery } from './sector-reach.query';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsService } from './snapshots.service';

/** Exports for governors, Ofsted, employers and learners, and the frozen figures of measurement dates. */
@Module({
  imports: [TypeOrmModule.forFeature([CoverageSnapshot]), LearnersModule],
  controllers: [ReportsController, SnapshotsController],
  providers: [
    ReportsService,
    ComplianceReportService,
    OrganisationReportService,
    LearnerRecordService,
    SnapshotsService,
    SectorReachQuery,
    DestinationsReportService,
    DestinationsReportQuery,
  ],
})
export class ReportsModule {}
