/** The library version, kept in step with package.json by a test. */
export const libraryVersion = '0.1.0';
