// @ts-check
/**
 * An ESLint rule for the house's layers (../../README.md, "How it works"): data flows page ->
 * reader -> store -> timeline -> views, never back up. Imports are resolved against the importing
 * file, so `../../rules/locales/en.json` (data) is told apart from `src/rules` (code).
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What each layer of src/ may import of ours; a layer not listed here may import any of them. */
const MAY_IMPORT = {
  model: [],
  aliexpress: ['model'],
  rules: ['model'],
  timeline: ['model', 'rules'],
  calendar: ['model', 'timeline'],
};

/** Layers below the views: they never reach up into a view. */
const NO_VIEWS = [
  'model',
  'aliexpress',
  'rules',
  'timeline',
  'calendar',
  'settings',
  'store',
  'alerts',
  'messages',
  'backup',
];
const VIEWS = ['ui', 'inject'];

/** Code that runs on AliExpress pages: small, and never the background's libraries. */
const CONTENT = (file) =>
  /^src\/(aliexpress|inject)\//.test(file) || /^entrypoints\/aliexpress[^/]*(\/|\.ts$)/.test(file);
const BACKGROUND_ONLY = /^(dexie|zod)(\/|$)/;

/** `src/<layer>/...` of a repository path, or null. */
function layerOf(path) {
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'keep imports flowing down the layers' },
    schema: [],
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    const from = layerOf(file);
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (!typeOnly && CONTENT(file) && BACKGROUND_ONLY.test(source))
          context.report({
            node,
            message: `code on AliExpress pages must not import ${source} (size, and the background owns it)`,
          });
        return;
      }
      const target = relative(ROOT, resolve(dirname(context.filename), source))
        .split(sep)
        .join('/');
      const to = layerOf(target);
      if (!from || !to || from === to) return;
      const allowed = MAY_IMPORT[from];
      if (allowed && !allowed.includes(to))
        context.report({
          node,
          message: `src/${from} may import only ${allowed.map((l) => `src/${l}`).join(', ') || 'nothing of ours'}, not src/${to}`,
        });
      else if (NO_VIEWS.includes(from) && VIEWS.includes(to))
        context.report({ node, message: `src/${from} must not import the views (src/${to}): data flows down to them` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default { rules: { layers } };
