import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/.data', 'coverage', 'tmp'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:demo-data', onlyDependOnLibsWithTags: ['type:domain'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:demo-data'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:demo', onlyDependOnLibsWithTags: ['scope:shared'] },
            // tools/demo-data (scope:demo) is for the API's seed bundle only; which files of the API may
            // import it is the next block's rule.
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:demo'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // The production API (main.js, cli.js) never holds the demo data: only the seed folder, bundled apart as
    // seed.js and loaded at run time by database/seed-loader.ts, imports tools/demo-data; the build checks it.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/database/seed/**', 'apps/api/src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@encounters/demo-data',
              message: 'Only apps/api/src/database/seed (the seed bundle) may import the demo data.',
            },
          ],
          patterns: [
            {
              group: ['**/database/seed/*', './seed/*'],
              allowTypeImports: true,
              message: 'The seed bundle is loaded at run time by database/seed-loader.ts, never imported.',
            },
          ],
        },
      ],
    },
  },
  {
    // The rules core must stay framework-free so that the API and the browser run the same code.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                '@angular/*',
                'typeorm',
                'typeorm/*',
                'pg',
                'rxjs',
                'class-validator',
                'class-transformer',
              ],
              message: 'libs/domain is framework-free.',
            },
          ],
        },
      ],
    },
  },
];
