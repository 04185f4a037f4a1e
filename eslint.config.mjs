// Lint for the whole repository (issue 19): typescript-eslint's type-aware recommended rules, then
// eslint-config-prettier last so that formatting is Prettier's business alone (`prettier --check .`).
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// The Preact front ends are type-checked by tsconfig.web.json (DOM, JSX, bundler resolution);
// everything else by tsconfig.json. Keep these globs in step with the two tsconfigs' include lists.
const webFiles = [
  'libs/web-ui/src/**/*.{ts,tsx,mts}',
  'apps/*/site/**/*.{ts,tsx,mts}',
  'apps/*/console/**/*.{ts,tsx,mts}',
  'tools/web/**/*.{ts,tsx,mts}',
];

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '.local/', 'coverage/', 'bench/results/', 'test-results/']),
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: webFiles,
    languageOptions: {
      parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (an interface's signature, a tuple slot);
      // rest siblings are how the code drops fields from an object (`const { iat, exp, ...claims } = payload`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: webFiles,
    rules: {
      // Preact ignores what an event handler returns; the sites' async handlers (`onSubmit={submit}`) catch their
      // own errors and show them. Promises passed anywhere else are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read HTTP and Kafka JSON bodies as `any` on purpose (`expect(res.body.problem.type)...`): typing every
    // response in the tests would only restate the production types they check, so the no-unsafe-* family and
    // no-explicit-any are off there. Test doubles implement async interfaces with `async () => value`, which
    // require-await reports; it is off in tests too. no-base-to-string: tests put values of unknown type into
    // failure messages with String(), where "[object Object]" is an acceptable rendering. Production code keeps all
    // of these rules.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Plain JavaScript (jest.config.js, this file): no type information, Node globals.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
