import js from '@eslint/js';
import { dirname, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

const CORE = resolve(import.meta.dirname, 'src', 'core');

/** Fails any relative import that leaves src/core: the engine's one boundary, whatever the path spelling. */
const staysInCore = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { leaves: 'src/core may not import {{path}}: it lies outside the engine.' },
  },
  create(context) {
    const check = (node) => {
      const path = node.source?.value;
      if (typeof path !== 'string' || !path.startsWith('.')) return;
      const target = resolve(dirname(context.filename), path);
      if (target !== CORE && !target.startsWith(CORE + sep))
        context.report({ node: node.source, messageId: 'leaves', data: { path } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

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
    // Tests beside the rules use the shared fixtures under test/; the engine's own modules may not leave src/core.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    plugins: { engine: { rules: { 'stays-in-core': staysInCore } } },
    rules: { 'engine/stays-in-core': 'error' },
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
