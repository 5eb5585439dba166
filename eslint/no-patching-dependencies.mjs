/**
 * Reports code that replaces a member of an imported dependency — `nodemailer.createTransport = …`,
 * `net.Socket.prototype.write = …`, `Object.defineProperty(pg.Client, …)` — when the object's root is a
 * binding imported from a package or a Node built-in. Our own modules (relative, `@app/*`, `@test/*`) are
 * ours to change; a dependency's methods are not: its next release may rely on them.
 */
const OWN_MODULE = /^(\.|@app\/|@test\/)/;
const MUTATORS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);

/** The identifier a member chain (`a.b.c`, `(a as X).b`, `a!.b`) starts from, if any. */
function rootIdentifier(node) {
  let current = node;
  for (;;) {
    if (current.type === 'MemberExpression') current = current.object;
    else if (
      current.type === 'TSAsExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSSatisfiesExpression'
    )
      current = current.expression;
    else if (current.type === 'ChainExpression') current = current.expression;
    else return current.type === 'Identifier' ? current : undefined;
  }
}

function importedDependency(context, identifier) {
  let scope = context.sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) {
      const definition = variable.defs[0];
      if (definition?.type !== 'ImportBinding') return undefined;
      const source = definition.parent.source.value;
      return OWN_MODULE.test(source) ? undefined : source;
    }
    scope = scope.upper;
  }
  return undefined;
}

export const noPatchingDependencies = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow replacing members of an imported dependency (monkey-patching)' },
    messages: { patch: "Don't patch '{{source}}': use its public API, or wrap it in a module of our own." },
    schema: [],
  },
  create(context) {
    function check(target, node) {
      const root = rootIdentifier(target);
      const source = root && importedDependency(context, root);
      if (source) context.report({ node, messageId: 'patch', data: { source } });
    }
    return {
      AssignmentExpression(node) {
        if (node.left.type === 'MemberExpression') check(node.left, node);
      },
      CallExpression(node) {
        const callee = node.callee;
        const isObjectMutator =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'Object' &&
          callee.property.type === 'Identifier' &&
          MUTATORS.has(callee.property.name);
        if (isObjectMutator && node.arguments[0]) check(node.arguments[0], node);
      },
    };
  },
};
