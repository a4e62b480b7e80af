/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/env.js'],
	testTimeout: 60000,
	// One process. With worker processes, about every other run ended with "A worker process has failed to exit
	// gracefully" (jest-worker kills a worker that is not gone 500 ms after its last file), although
	// `--detectOpenHandles` finds no open handle and no timer of ours is alive after any file: a worker with n8n-core
	// and LangChain loaded is slow to exit on a busy 2-core machine. In one process: about 3.5 minutes here, clean.
	maxWorkers: 1,
};
