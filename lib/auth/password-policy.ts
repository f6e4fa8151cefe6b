// Password rules shown to people and checked at sign-up (no Node.js imports: forms use it too).

/** The shortest password accepted at sign-up. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
