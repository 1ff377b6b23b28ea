export function releaseVersion(tag: string, packageJson: string, changelog: string): string | Error
export function changelogSection(changelog: string, version: string): string | undefined
export function movingTags(version: string, existingTags: string[]): string[]
