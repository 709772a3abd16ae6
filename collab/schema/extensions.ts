/**
 * THE Tiptap extension list of the portal's rich text, shared by the client editor and the
 * server (which validates incoming Yjs updates against the schema built from it and converts
 * documents to text). Client and server can never disagree on the schema: both import this.
 *
 * Node-safe on purpose: nothing here touches the DOM at import or schema-build time, so the
 * server can load it. Collaboration and CollaborationCaret are added by the client editor only
 * (they need a provider), and do not change the schema.
 */
import type { AnyExtension } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import { StarterKit } from '@tiptap/starter-kit';
import { isAllowedHref, isAllowedLinkInput } from './links.ts';

/** Rendered on every link, whatever the document says (reverse tabnabbing, SEO spam). */
const LINK_HTML_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null };

/**
 * Link with only `href` and `title` stored. `target`, `rel` and `class` are not attributes of
 * the mark: they always come from LINK_HTML_ATTRIBUTES at render time, so a document cannot
 * drop `noopener`. `href` is validated by the schema itself (ProseMirror `validate`), which is
 * what makes `node.check()` refuse a `javascript:` link arriving through Yjs, where Tiptap's
 * HTML parser (and its own href check) never runs.
 */
const PortalLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('href'),
        validate: (value: unknown) => {
          if (!isAllowedHref(value)) throw new RangeError('link href must be http(s) or mailto');
        },
      },
      title: { default: null },
    };
  },
});

/** A fresh extension list (Tiptap extensions are configured per editor, so never share one). */
export function portalExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own (Yjs) history; two histories would fight over undo.
      undoRedo: false,
      // Replaced below by the portal's stricter Link.
      link: false,
    }),
    PortalLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      HTMLAttributes: LINK_HTML_ATTRIBUTES,
      // Asked about typed/pasted text and about stored hrefs at render time; stored hrefs are
      // always absolute (the schema refuses others), so a scheme-less host only passes as input.
      isAllowedUri: (url) => isAllowedLinkInput(url),
    }),
  ];
}
