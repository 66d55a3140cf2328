import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Microsoft Entra ID provider may be a multi-tenant app: it signs in through Microsoft's `organizations`
 * endpoint and lets in the accounts of the tenants listed in `tenant_ids` only. Only Microsoft providers
 * can be multi-tenant, and a multi-tenant one lists at least one tenant.
 */
export class AllowMultiTenantMicrosoftProviders1764983000000 implements MigrationInterface {
  name = 'AllowMultiTenantMicrosoftProviders1764983000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE auth_provider
        ADD COLUMN multi_tenant boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT auth_provider_multi_tenant_check
          CHECK (NOT multi_tenant OR (kind = 'microsoft' AND cardinality(tenant_ids) > 0))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE auth_provider DROP CONSTRAINT auth_provider_multi_tenant_check, DROP COLUMN multi_tenant`);
  }
}
