// Lint for the whole repository (issue 19): typescript-eslint's type-aware recommended rules, then
// eslint-config-prettier last so that formatting is Prettier's business alone (`prettier --check .`).
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// The Preact front ends are type-checked by tsconfig.web.json (DOM, JSX, bundler resolution);
// everything else by tsconfig.json. Keep these globs in step with the two tsconfigs' include lists.
const webFiles = ['libs/web-ui/src/**/*.{ts,tsx,mts}', 'apps/*/site/**/*.{ts,tsx,mts}', 'apps/*/console/**/*.{ts,tsx,mts}', 'tools/web/**/*.{ts,tsx,mts}'];

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
    // Plain JavaScript (jest.config.js, this file): no type information, Node globals.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
