/**
 * The one editor schema (collab/schema): loadable in Node, the nodes and marks the editor offers,
 * and links restricted to http(s) and mailto on every path — the schema's own validation (what
 * the server checks incoming Yjs content with), the editor's input check and rendering.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedHref, normalizeHref } from '../../collab/schema/links.ts';
import { portalSchema } from '../../collab/schema/schema.ts';

describe('the portal schema', () => {
  it('builds in Node, with no DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(portalSchema.topNodeType.name).toBe('doc');
  });

  it('has exactly the nodes and marks of the editor', () => {
    expect(Object.keys(portalSchema.nodes).sort()).toEqual([
      'blockquote',
      'bulletList',
      'codeBlock',
      'doc',
      'hardBreak',
      'heading',
      'horizontalRule',
      'listItem',
      'orderedList',
      'paragraph',
      'text',
    ]);
    expect(Object.keys(portalSchema.marks).sort()).toEqual([
      'bold',
      'code',
      'italic',
      'link',
      'strike',
      'underline',
    ]);
  });

  it('stores only href and title on a link; rel and target always come from the renderer', () => {
    expect(Object.keys(portalSchema.marks.link!.spec.attrs ?? {}).sort()).toEqual(['href', 'title']);
    const link = portalSchema.marks.link!.create({ href: 'https://example.com' });
    const [tag, attrs] = portalSchema.marks.link!.spec.toDOM!(link, true) as [
      string,
      Record<string, unknown>,
    ];
    expect(tag).toBe('a');
    expect(attrs).toMatchObject({
      href: 'https://example.com',
      rel: 'noopener noreferrer nofollow',
      target: '_blank',
    });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example.com',
    '//evil.example',
    '/relative/path',
    'https:evil.example',
    'https://',
    '',
  ])('the schema refuses a link to %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
    expect(() => portalSchema.marks.link!.create({ href })).toThrow(RangeError);
  });

  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM',
    'mailto:help@example.com',
  ])('the schema accepts a link to %j', (href) => {
    expect(isAllowedHref(href)).toBe(true);
    expect(() => portalSchema.marks.link!.create({ href })).not.toThrow();
  });

  it('a link mark with no href fails check()', () => {
    const bare = portalSchema.marks.link!.create();
    const doc = portalSchema.topNodeType.create(null, [
      portalSchema.nodes.paragraph!.create(null, [portalSchema.text('x', [bare])]),
    ]);
    expect(() => doc.check()).toThrow(RangeError);
  });

  it.each([
    ['example.com/path', 'https://example.com/path'],
    ['  https://example.com  ', 'https://example.com'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
    ['javascript:alert(1)', null],
    ['ftp://example.com', null],
    ['/local', null],
  ])('normalizeHref(%j) is %j', (input, expected) => {
    expect(normalizeHref(input)).toBe(expected);
  });
});
