/** Exit codes fixed by CONTRACT.md. */
export const EXIT = { clean: 0, errors: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
