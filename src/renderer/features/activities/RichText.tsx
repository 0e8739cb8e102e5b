import { createElement, type ReactNode } from 'react';

/** Tags a stored note (or email) may render; anything else shows only its text. */
const ALLOWED = new Set([
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
]);
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*>/i.test(text);
}

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const children = Array.from(el.childNodes).map(toReact);
  const tag = el.tagName.toLowerCase();
  if (!ALLOWED.has(tag)) return children;
  const props: Record<string, unknown> = { key };
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (SAFE_HREF.test(href)) Object.assign(props, { href, target: '_blank', rel: 'noopener noreferrer' });
  }
  if (tag === 'span' && el.getAttribute('data-type') === 'mention') {
    Object.assign(props, {
      className: 'mention',
      style: { color: 'var(--mantine-primary-color-filled)', fontWeight: 600 },
    });
  }
  return createElement(tag, props, ...(tag === 'br' ? [] : children));
}

/**
 * Renders a rich-text note without innerHTML: the HTML is parsed into an inert document and
 * rebuilt as React elements from an allow-list, so a note that arrived unsanitized (by sync)
 * still cannot run script or load anything.
 */
export function RichText({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return <div className="crm-rich-text">{Array.from(doc.body.childNodes).map(toReact)}</div>;
}
