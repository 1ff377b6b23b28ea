/**
 * Renders a job summary the way GitHub does: GitHub Flavored Markdown with raw
 * HTML allowed (GitHub sanitises afterwards, which these tests do not rely on).
 */
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

/** The HTML a GFM renderer produces for `markdown`. */
export function renderGfm(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}
