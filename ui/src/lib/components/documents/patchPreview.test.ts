// The preview patcher: unchanged top-level nodes stay the same objects, only the differing range is swapped.
import { beforeEach, describe, expect, it } from 'vitest';
import { patchPreview } from './patchPreview';
import previewSource from './DocPreview.svelte?raw';

let root: HTMLDivElement;

beforeEach(() => {
  root = document.createElement('div');
});

const nodes = () => Array.from(root.childNodes);

describe('patchPreview', () => {
  it('fills an empty element and empties a filled one', () => {
    patchPreview(root, '<h1>T</h1>\n<p>a</p>');
    expect(root.innerHTML).toBe('<h1>T</h1>\n<p>a</p>');
    patchPreview(root, '');
    expect(root.childNodes).toHaveLength(0);
    patchPreview(root, '');
    expect(root.innerHTML).toBe('');
  });

  it('keeps the common prefix and suffix as the same nodes and replaces only the middle', () => {
    patchPreview(root, '<h1>T</h1>\n<p>one</p>\n<p>two</p>\n<p>three</p>');
    const [h1, nl1, one, nl2, two, nl3, three] = nodes();
    patchPreview(root, '<h1>T</h1>\n<p>one</p>\n<p>TWO!</p>\n<p>three</p>');
    expect(root.innerHTML).toBe('<h1>T</h1>\n<p>one</p>\n<p>TWO!</p>\n<p>three</p>');
    const after = nodes();
    expect(after[0]).toBe(h1);
    expect(after[1]).toBe(nl1);
    expect(after[2]).toBe(one);
    expect(after[3]).toBe(nl2);
    expect(after[4]).not.toBe(two);
    expect(after[5]).toBe(nl3);
    expect(after[6]).toBe(three);
  });

  it('leaves everything alone when nothing changed', () => {
    patchPreview(root, '<p>a</p><p>b</p>');
    const before = nodes();
    patchPreview(root, '<p>a</p><p>b</p>');
    expect(nodes()).toEqual(before);
    nodes().forEach((n, i) => expect(n).toBe(before[i]));
  });

  it('inserts new blocks between kept ones', () => {
    patchPreview(root, '<p>a</p><p>c</p>');
    const [a, c] = nodes();
    patchPreview(root, '<p>a</p><p>b1</p><p>b2</p><p>c</p>');
    expect(root.innerHTML).toBe('<p>a</p><p>b1</p><p>b2</p><p>c</p>');
    expect(root.firstChild).toBe(a);
    expect(root.lastChild).toBe(c);
  });

  it('inserts at the start, and at the end', () => {
    patchPreview(root, '<p>m</p>');
    const [m] = nodes();
    patchPreview(root, '<p>s</p><p>m</p>');
    expect(root.innerHTML).toBe('<p>s</p><p>m</p>');
    const [s] = nodes();
    expect(root.lastChild).toBe(m);
    patchPreview(root, '<p>s</p><p>m</p><p>e</p>');
    expect(root.innerHTML).toBe('<p>s</p><p>m</p><p>e</p>');
    expect(root.firstChild).toBe(s);
    expect(root.childNodes[1]).toBe(m);
  });

  it('replaces the whole range between the first and the last difference', () => {
    // Changes at both ends leave no common prefix or suffix: correct, only less is kept.
    patchPreview(root, '<p>m</p>');
    patchPreview(root, '<p>s</p><p>m</p><p>e</p>');
    expect(root.innerHTML).toBe('<p>s</p><p>m</p><p>e</p>');
  });

  it('deletes blocks and keeps the rest', () => {
    patchPreview(root, '<p>a</p><p>b</p><p>c</p><p>d</p>');
    const [a, , , d] = nodes();
    patchPreview(root, '<p>a</p><p>d</p>');
    expect(root.innerHTML).toBe('<p>a</p><p>d</p>');
    expect(root.firstChild).toBe(a);
    expect(root.lastChild).toBe(d);
  });

  it('replaces everything when every block changed', () => {
    patchPreview(root, '<h1>x</h1><p>y</p>');
    const before = nodes();
    patchPreview(root, '<h2>x</h2><ul><li>y</li></ul>');
    expect(root.innerHTML).toBe('<h2>x</h2><ul><li>y</li></ul>');
    for (const n of nodes()) expect(before).not.toContain(n);
  });

  it('notices changes in attributes and in deep content, and in text nodes', () => {
    patchPreview(root, '<p><a href="https://a.example">x</a></p>text<p>z</p>');
    const [p, text, z] = nodes();
    patchPreview(root, '<p><a href="https://b.example">x</a></p>text!<p>z</p>');
    expect(root.innerHTML).toBe('<p><a href="https://b.example">x</a></p>text!<p>z</p>');
    expect(root.firstChild).not.toBe(p);
    expect(root.childNodes[1]).not.toBe(text);
    expect(root.lastChild).toBe(z);
  });

  it('does not mistake a repeated block for the changed one', () => {
    patchPreview(root, '<p>x</p><p>x</p><p>x</p>');
    patchPreview(root, '<p>x</p><p>x</p>');
    expect(root.innerHTML).toBe('<p>x</p><p>x</p>');
    patchPreview(root, '<p>x</p><p>y</p><p>x</p>');
    expect(root.innerHTML).toBe('<p>x</p><p>y</p><p>x</p>');
  });
});

// jsdom computes no layout and Vitest leaves components' CSS out, so the rules are read from the source.
describe("the preview's CSS", () => {
  const style = previewSource.slice(previewSource.indexOf('<style>'));
  const rule = (selector: string) => {
    const at = style.indexOf(`${selector} {`);
    return at < 0 ? '' : style.slice(at, style.indexOf('}', at));
  };

  it('renders only the top-level blocks in view, remembering their heights', () => {
    expect(rule('.preview > :global(*)')).toMatch(/content-visibility:\s*auto;/);
    expect(rule('.preview > :global(*)')).toMatch(/contain-intrinsic-size:\s*auto /);
  });
});
