import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import house from './scripts/lint/layers.js';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { house },
    rules: { 'house/layers': 'error' },
  },
  {
    languageOptions: {
      globals: { defineBackground: 'readonly', defineContentScript: 'readonly', defineUnlistedScript: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='document'][property.name='write']", message: 'never write HTML' },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'page text is shown as text, never as HTML',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'page text is shown as text, never as HTML',
        },
      ],
    },
  },
);
