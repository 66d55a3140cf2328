import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReplicaRoutingInterceptor } from './replica-routing.interceptor';
import { ReplicaRouter, replicaRouterOf } from './replicas';

/**
 * The read-replica router of the app's DataSource, and, when replicas are configured, the interceptor that
 * routes each request. Without replicas there is nothing to route, and no interceptor: an interceptor wraps
 * every handler in observables, a cost each request would pay for nothing (issue 20).
 */
@Global()
@Module({})
export class ReplicasModule {
  static forRoot(replicated: boolean): DynamicModule {
    return {
      module: ReplicasModule,
      providers: [
        {
          provide: ReplicaRouter,
          useFactory: (dataSource: DataSource) => replicaRouterOf(dataSource),
          inject: [getDataSourceToken()],
        },
        ...(replicated ? [{ provide: APP_INTERCEPTOR, useClass: ReplicaRoutingInterceptor }] : []),
      ],
      exports: [ReplicaRouter],
    };
  }
}
