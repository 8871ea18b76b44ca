const { availableParallelism } = require('node:os');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // jest's default (cores − 1) runs every file in one process on the two cores this project's machines and CI have.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', '<rootDir>/test/slowest-suites.cjs'],
};
