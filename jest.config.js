const { availableParallelism } = require('node:os');

// One id per run, inherited by the workers: the browser tests build the pages once per run (test/e2e/harness.ts).
process.env.SCORE_AUDIT_TEST_RUN ??= `${process.pid}-${Date.now()}`;

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // Fluent UI's components and icons loaded as asked for, not all of them by the packages' indexes (see the files).
  moduleNameMapper: {
    '^@fluentui/react-components$': '<rootDir>/test/fluent-components-on-demand.cjs',
    '^@fluentui/react-icons$': '<rootDir>/test/fluent-icons-on-demand.cjs',
  },
  // jest's default (cores − 1) runs every file in one process on the two cores this project's machines and CI have.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', '<rootDir>/test/slowest-suites.cjs'],
};
