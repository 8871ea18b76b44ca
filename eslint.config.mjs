import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules the engine may import: zod and its own files. Hosts, UI, file libraries and Node stay outside src/core. */
const CORE_RESTRICTIONS = {
  patterns: [
    {
      regex: '^(?!zod$|\\.{1,2}/).*',
      message:
        'src/core is the pure engine: it may import only zod and its own modules (no office-js, React, file library or Node module).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/output/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Workbook text is data: never evaluate it.' },
      ],
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', CORE_RESTRICTIONS],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'No host APIs in the engine.' },
        { name: 'Excel', message: 'No host APIs in the engine.' },
        { name: 'process', message: 'No Node in the engine.' },
        { name: 'require', message: 'No Node in the engine.' },
        { name: 'Buffer', message: 'No Node in the engine.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
