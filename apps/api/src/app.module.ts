import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AcademiesModule } from './academies/academies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { CoverageModule } from './coverage/coverage.module';
import { dataSourceOptions } from './database/data-source-options';
import { createDataSource, replicaSettings } from './database/replicas';
import { ReplicasModule } from './database/replicas.module';
import { DemoSeedModule } from './database/demo-seed.module';
import { DestinationFollowUpModule } from './destination-follow-up/destination-follow-up.module';
import { DestinationsModule } from './destinations/destinations.module';
import { EncountersModule } from './encounters/encounters.module';
import { GuidanceMeetingsModule } from './guidance-meetings/guidance-meetings.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { LearnersModule } from './learners/learners.module';
import { MetricsModule } from './metrics/metrics.module';
import { loggerOptions } from './logger-options';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReportsModule } from './reports/reports.module';
import { RosterImportModule } from './roster-import/roster-import.module';
import { SetupModule } from './setup/setup.module';
import { TrustModule } from './trust/trust.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(
              config.DATABASE_URL,
              config.DATABASE_POOL_SIZE,
              config.DATABASE_PARALLEL_WORKERS_PER_GATHER,
            ),
            autoLoadEntities: true,
            migrationsRun: config.MIGRATE_ON_START,
            retryAttempts: 0,
          }),
          // Read replicas, when configured, through TypeORM's replication (database/replicas.ts).
          dataSourceFactory: (options) => createDataSource(options!, replicaSettings(config)),
        }),
        ReplicasModule.forRoot(),
        // Scheduled jobs (the retention job of DestinationFollowUpModule); registered once, here.
        ScheduleModule.forRoot(),
        AuditModule,
        AuthModule,
        HealthModule,
        AcademiesModule,
        UsersModule,
        GroupsModule,
        LearnersModule,
        RosterImportModule,
        CoverageModule,
        OrganisationsModule,
        EncountersModule,
        // Before DestinationsModule: /api/destinations/neet-risk and /actual are matched before /:id.
        DestinationFollowUpModule,
        DestinationsModule,
        GuidanceMeetingsModule,
        ReportsModule,
        DemoSeedModule,
        TrustModule,
        SetupModule,
        MetricsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
