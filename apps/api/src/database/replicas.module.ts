import { DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReplicaRouter, replicaRouterOf } from './replicas';

/**
 * The read-replica router of the app's DataSource. With replicas configured, `create-app` installs the hooks
 * that route each request (`replica-routing.ts`).
 */
@Global()
@Module({})
export class ReplicasModule {
  static forRoot(): DynamicModule {
    return {
      module: ReplicasModule,
      providers: [
        {
          provide: ReplicaRouter,
          useFactory: (dataSource: DataSource) => replicaRouterOf(dataSource),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [ReplicaRouter],
    };
  }
}
