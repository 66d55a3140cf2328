import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReplicaRoutingInterceptor } from './replica-routing.interceptor';
import { ReplicaRouter, replicaRouterOf } from './replicas';

/** The read-replica router of the app's DataSource, and the interceptor that routes each request. */
@Global()
@Module({
  providers: [
    {
      provide: ReplicaRouter,
      useFactory: (dataSource: DataSource) => replicaRouterOf(dataSource),
      inject: [getDataSourceToken()],
    },
    { provide: APP_INTERCEPTOR, useClass: ReplicaRoutingInterceptor },
  ],
  exports: [ReplicaRouter],
})
export class ReplicasModule {}
