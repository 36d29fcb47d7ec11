/**
 * ESLint rule `kubeflow/no-value-truthiness`: a construct must not branch in TypeScript on a value it
 * reads from `this.v` (or `v` = `this.v`). In chart synthesis a value is a Helm expression (a
 * sentinel string or token), so `if (v.istio.enabled)` is always true there, `v.type === 'mysql'`
 * always false, and the chart silently loses one side of the condition. Use when / opt / items /
 * spread / pick / eq / and / or / not (src/core/conditions.ts), which work in both syntheses.
 *
 * Flags value reads in: if / while / for / do tests, `?:` tests, `&&` `||` `??` operands, `!`,
 * comparisons (`===`, `<`, …), `switch`, and `Boolean(…)`.
 */
const ROOTS = new Set(['v']);

/** `this.v.a.b` or `v.a.b` (not `v` alone, not calls like `v.str(…)`). */
function isValueRead(node) {
  let n = node;
  while (n.type === 'ChainExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
  if (n.type !== 'MemberExpression') return false;
  let depth = 0;
  while (n.type === 'MemberExpression') {
    n = n.object;
    depth++;
  }
  if (n.type === 'Identifier' && ROOTS.has(n.name)) return depth >= 1;
  return false;
}
function isThisV(node) {
  let n = node;
  while (n.type === 'ChainExpression' || n.type === 'TSNonNullExpression') n = n.expression;
  if (n.type !== 'MemberExpression') return false;
  let inner = n;
  while (inner.object.type === 'MemberExpression') inner = inner.object;
  return inner.object.type === 'ThisExpression' && inner.property.type === 'Identifier' && inner.property.name === 'v' && inner !== n;
}
const reads = (node) => node && (isValueRead(node) || isThisV(node));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid branching in TypeScript on construct values (they are Helm expressions in chart synthesis).' },
    messages: {
      branch:
        "'{{text}}' is a value: in chart synthesis it is a Helm expression, so this {{what}} is decided at synth time, not by Helm. Use when/opt/items/spread/pick/eq/and/or/not (src/core/conditions.ts).",
    },
    schema: [],
  },
  create(context) {
    const src = context.sourceCode ?? context.getSourceCode();
    const report = (node, what) => context.report({ node, messageId: 'branch', data: { text: src.getText(node).slice(0, 60), what } });
    const test = (node, what) => {
      let n = node;
      while (n && n.type === 'UnaryExpression' && n.operator === '!') n = n.argument;
      if (reads(n)) report(n, what);
    };
    return {
      IfStatement: (node) => test(node.test, 'if'),
      WhileStatement: (node) => test(node.test, 'while'),
      DoWhileStatement: (node) => test(node.test, 'loop'),
      ForStatement: (node) => node.test && test(node.test, 'loop'),
      ConditionalExpression: (node) => test(node.test, 'conditional'),
      SwitchStatement: (node) => test(node.discriminant, 'switch'),
      LogicalExpression: (node) => {
        // `v.x ?? undefined` only turns a null value into an absent field, which both syntheses do
        if (node.operator === '??' && node.right.type === 'Identifier' && node.right.name === 'undefined') return;
        test(node.left, `'${node.operator}'`);
      },
      UnaryExpression: (node) => {
        if (node.operator === '!') test(node.argument, "'!'");
      },
      BinaryExpression: (node) => {
        if (!['===', '!==', '==', '!=', '<', '<=', '>', '>='].includes(node.operator)) return;
        if (reads(node.left)) report(node.left, 'comparison');
        if (reads(node.right)) report(node.right, 'comparison');
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'Boolean' && node.arguments[0]) test(node.arguments[0], 'Boolean()');
      },
    };
  },
};
