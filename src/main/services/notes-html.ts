import sanitizeHtml from 'sanitize-html';

/**
 * Notes are rich text from the editor (bold, italics, lists, links, @mentions) stored as HTML.
 * Whatever arrives (the UI, the CLI, sync, an import) is cut down to this allow-list before it is
 * written, so rendering a note can never run script or load anything.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'span',
    'blockquote',
    'code',
    'pre',
    'h3',
    'h4',
  ],
  allowedAttributes: {
    a: ['href', 'target', 'rel'],
    span: ['data-type', 'data-id', 'data-label', 'class'],
  },
  allowedClasses: { span: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
};

/** True when the text looks like markup rather than a plain sentence with a "<" in it. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*>/i.test(text);
}

/** Plain text is stored as typed (the timeline shows it as text); HTML is sanitized. */
export function sanitizeNote(body: string): string {
  return looksLikeHtml(body) ? sanitizeHtml(body, OPTIONS) : body;
}

/** Member ids mentioned in a note (`<span data-type="mention" data-id="…">`), each once. */
export function mentionsOf(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<span[^>]*data-type="mention"[^>]*>/g)) {
    const id = /data-id="([^"]+)"/.exec(m[0])?.[1];
    if (id) ids.add(id);
  }
  return [...ids];
}

/** The words of a note, for previews and the timeline title. */
export function noteText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, ' '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML, so a merged value like "<b>Ana & Co</b>" shows as typed instead of as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The HTML part of a plain-text mail: blank lines start a paragraph and single line breaks become
 * <br>, so a mail written in a plain box keeps its shape in every mail client.
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The plain-text part of an HTML mail: paragraphs stay apart, line breaks and list items stay on
 * their own lines (unlike `noteText`, which is one line for previews).
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>\s*/gi, '\n')
    .replace(/<li[^>]*>\s*/gi, '- ')
    .replace(/\s*<\/(p|h3|h4|blockquote|pre|ul|ol)>\s*/gi, '\n\n')
    .replace(/\s*<\/li>\s*/gi, '\n');
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
