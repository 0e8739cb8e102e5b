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
