/** The version `purple --version` prints; a test keeps it equal to package.json's. */
export const PURPLE_VERSION = '1.0.0'
