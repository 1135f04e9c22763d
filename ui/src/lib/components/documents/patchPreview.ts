// Updates the preview in place. Replacing the whole preview's innerHTML on every keystroke made WebKit
// lay out and paint a 50 kB document each time (~185 ms); a keystroke changes one block, so only the
// blocks that differ from the new HTML are swapped and every other node stays exactly as it is.
//
// The HTML is core's sanitized output; this module only moves its nodes around, it never builds
// markup of its own.

/** Same node type and same serialized content: the old node can stay where it is. */
function sameNode(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a instanceof Element && b instanceof Element) return a.outerHTML === b.outerHTML;
  // Text, comments: nothing but their text.
  return a.textContent === b.textContent;
}

/**
 * Makes `target`'s children match `html`: the unchanged leading and trailing top-level nodes are
 * kept (the same node objects), and only the range between them is replaced by the new nodes.
 */
export function patchPreview(target: Element, html: string): void {
  // A detached <template> parses without running anything and without loading images until its
  // nodes are adopted into the page.
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = html;
  const next = Array.from(template.content.childNodes);
  const current = Array.from(target.childNodes);

  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && sameNode(current[start] as Node, next[start] as Node)) start++;

  let endCurrent = current.length;
  let endNext = next.length;
  while (
    endCurrent > start &&
    endNext > start &&
    sameNode(current[endCurrent - 1] as Node, next[endNext - 1] as Node)
  ) {
    endCurrent--;
    endNext--;
  }

  if (start === endCurrent && start === endNext) return;

  const before = current[endCurrent] ?? null;
  for (let i = start; i < endCurrent; i++) target.removeChild(current[i] as Node);
  if (endNext > start) {
    const fragment = target.ownerDocument.createDocumentFragment();
    for (let i = start; i < endNext; i++) fragment.appendChild(next[i] as Node);
    target.insertBefore(fragment, before);
  }
}
