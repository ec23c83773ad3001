// Lint: typescript-eslint's recommended type-aware rules, plus import-x/no-cycle so
// module dependencies point downward only (STYLE.md, "Shape").
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'bin/**',
      'scripts/**',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
  },
  // Module boundaries (DESIGN.md's table, docs/architecture.md; issue 15): a module imports
  // only the modules below it. Each zone names a module (`target`) and what it must not
  // import (`from`, minus `except`). Tests, test data and test-support may reach anywhere.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.case.ts', 'src/**/testdata/**', 'src/test-support/**'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones() }],
    },
    // The sources import `./x.js` for `./x.ts` (NodeNext): resolve them as tsc does, or the
    // rule cannot see where an import points.
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
  },
  {
    files: ['src/**/*.test.ts', 'src/test-support/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

/**
 * The dependency rule as no-restricted-paths zones. Leaves (hash, net, random, tokens, errors,
 * telemetry) import no other module; the pure core (detect, engine, provenance, limits,
 * respond, identity, fingerprint, store, sim, eval) imports only what sits below it; nothing
 * imports cli/ or console/; extensions/ (the adapters that wire modules into the gateway)
 * may import every module but those two, and only cli/ imports it.
 */
function boundaryZones() {
  const modules = [
    'audit',
    'cli',
    'config',
    'console',
    'detect',
    'engine',
    'errors',
    'eval',
    'extensions',
    'fingerprint',
    'gateway',
    'hash',
    'identity',
    'intel',
    'limits',
    'net',
    'policy',
    'provenance',
    'random',
    'respond',
    'review',
    'sim',
    'store',
    'telemetry',
    'tokens',
    'usage',
  ];
  const leaves = ['hash', 'net', 'random', 'tokens', 'errors'];
  /** What each module may import besides itself (the leaves are always allowed). */
  const mayImport = {
    telemetry: [],
    detect: ['telemetry'],
    engine: ['detect', 'telemetry'],
    sim: ['telemetry'],
    eval: ['telemetry'],
    store: ['config', 'telemetry'],
    provenance: ['store', 'telemetry'],
    limits: ['store', 'telemetry'],
    fingerprint: ['telemetry'],
    identity: ['fingerprint', 'store', 'telemetry'],
    respond: ['limits', 'provenance', 'telemetry'],
  };
  const zones = [];
  for (const [target, allowed] of Object.entries(mayImport)) {
    const ok = new Set([target, ...allowed, ...leaves]);
    for (const from of modules.filter((m) => !ok.has(m))) {
      zones.push({
        target: `./src/${target}`,
        from: `./src/${from}`,
        message: `${target}/ may import only ${[...allowed, ...leaves].join(', ')} (DESIGN.md)`,
      });
    }
  }
  for (const leaf of leaves) {
    for (const from of modules.filter((m) => m !== leaf)) {
      zones.push({
        target: `./src/${leaf}`,
        from: `./src/${from}`,
        message: `${leaf}/ is a leaf: it imports no other module`,
      });
    }
  }
  // Nothing below the commands and the console imports them (issue 15: the gateway receives
  // the admin API through AppOptions.admin instead of importing console/).
  for (const target of modules.filter((m) => m !== 'cli' && m !== 'console')) {
    zones.push({
      target: `./src/${target}`,
      from: './src/cli',
      message: 'cli/ is the top: nothing imports it',
    });
    zones.push({
      target: `./src/${target}`,
      from: './src/console',
      message: 'console/ is the top: nothing below imports it',
    });
  }
  // extensions/ wires the modules into the gateway: it may import any of them (never cli/ or
  // console/, above), and only the commands import it.
  for (const target of modules.filter((m) => m !== 'cli' && m !== 'extensions')) {
    zones.push({
      target: `./src/${target}`,
      from: './src/extensions',
      message: 'extensions/ sits under cli/ only: nothing else imports it',
    });
  }
  // The gateway never reaches the detector, the engine or the commands.
  for (const from of ['detect', 'engine', 'sim', 'eval']) {
    zones.push({
      target: './src/gateway',
      from: `./src/${from}`,
      message: 'gateway/ never imports the detector (DESIGN.md)',
    });
  }
  return zones;
}
