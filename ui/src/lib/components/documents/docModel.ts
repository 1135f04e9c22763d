// What the Documents place derives from core's answers: groups for the list, ADR status steps and
// chains, the graph's layout, which preview links may leave the app, and a line diff for conflicts.
import type { AdrStatus } from '../../api/documents';
import type { DocumentEntry } from '../../bindings/DocumentEntry';
import type { ProjectDoc } from '../../bindings/ProjectDoc';

export type Groups = {
  adrs: DocumentEntry[];
  readmes: DocumentEntry[];
  logs: DocumentEntry[];
  other: DocumentEntry[];
};

const byPath = (a: DocumentEntry, b: DocumentEntry) => a.path.localeCompare(b.path);

/** ADRs by number (unnumbered last), READMEs in plan order, logs newest first, the rest by path. */
export function groupEntries(entries: readonly DocumentEntry[], projects: readonly ProjectDoc[] = []): Groups {
  const order = new Map(projects.map((p, i) => [p.id, i]));
  const groups: Groups = { adrs: [], readmes: [], logs: [], other: [] };
  for (const e of entries) {
    if (e.kind === 'adr') groups.adrs.push(e);
    else if (e.kind === 'readme') groups.readmes.push(e);
    else if (e.kind === 'daily_log') groups.logs.push(e);
    else groups.other.push(e);
  }
  groups.adrs.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || byPath(a, b));
  const rank = (e: DocumentEntry) => (e.project !== null ? (order.get(e.project) ?? order.size) : order.size + 1);
  groups.readmes.sort((a, b) => rank(a) - rank(b) || byPath(a, b));
  // Logs without a date (unparsable) go last rather than hiding among the newest.
  groups.logs.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || byPath(a, b));
  groups.other.sort(byPath);
  return groups;
}

/** The statuses an ADR may move to from `status`; core has the last word. */
export function nextStatuses(status: string | null): AdrStatus[] {
  switch (statusTone(status)) {
    case 'proposed':
      return ['Accepted', 'Rejected'];
    case 'accepted':
      return ['Deprecated'];
    default:
      return [];
  }
}

export type StatusTone = 'proposed' | 'accepted' | 'deprecated' | 'rejected' | 'superseded' | 'other';

/** Which colour family a status gets; "Superseded by 7" counts as superseded. */
export function statusTone(status: string | null): StatusTone {
  const word = (status ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  switch (word) {
    case 'proposed':
    case 'accepted':
    case 'deprecated':
    case 'rejected':
    case 'superseded':
      return word;
    default:
      return 'other';
  }
}

/** The date of the latest status change, else the ADR's own date. */
export function lastStatusDate(e: DocumentEntry): string | null {
  return e.status_history.at(-1)?.date ?? e.date;
}

/** Core writes both directions ("Amends" / "Amended by"); the graph draws each pair once. */
export function isReverseLink(kind: string): boolean {
  return /\sby$/i.test(kind.trim());
}

const isSupersedes = (kind: string) => kind.trim().toLowerCase() === 'supersedes';

/** Numbers of the ADRs that supersede this one. */
export function supersededBy(e: DocumentEntry): number[] {
  return e.links
    .filter((l) => l.kind.trim().toLowerCase() === 'superseded by' && l.target_number !== null)
    .map((l) => l.target_number as number);
}

/** Older → newer pairs: "3 supersedes 1" gives [1, 3]. Taken from either side of the link. */
function supersedePairs(adrs: readonly DocumentEntry[]): [number, number][] {
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  const add = (older: number, newer: number) => {
    const key = `${older}>${newer}`;
    if (older === newer || seen.has(key)) return;
    seen.add(key);
    pairs.push([older, newer]);
  };
  for (const e of adrs) {
    if (e.number === null) continue;
    for (const l of e.links) {
      if (l.target_number === null) continue;
      if (isSupersedes(l.kind)) add(l.target_number, e.number);
      else if (l.kind.trim().toLowerCase() === 'superseded by') add(e.number, l.target_number);
    }
  }
  return pairs;
}

/** Supersede chains from the oldest decision to the one in force: [[1, 3, 7]]. Branches give one chain each. */
export function supersedeChains(adrs: readonly DocumentEntry[]): number[][] {
  const pairs = supersedePairs(adrs);
  const next = new Map<number, number[]>();
  const hasOlder = new Set<number>();
  for (const [older, newer] of pairs) {
    next.set(older, [...(next.get(older) ?? []), newer].sort((a, b) => a - b));
    hasOlder.add(newer);
  }
  const chains: number[][] = [];
  const walk = (chain: number[]) => {
    const last = chain[chain.length - 1] as number;
    const after = (next.get(last) ?? []).filter((n) => !chain.includes(n));
    if (after.length === 0) chains.push(chain);
    for (const n of after) walk([...chain, n]);
  };
  const starts = [...next.keys()].filter((n) => !hasOlder.has(n)).sort((a, b) => a - b);
  for (const s of starts) walk([s]);
  return chains;
}

export type GraphNode = { number: number; entry: DocumentEntry; x: number; y: number };
export type GraphEdge = { from: number; to: number; kind: string; supersede: boolean };
export type Graph = { nodes: GraphNode[]; edges: GraphEdge[]; width: number; height: number };

export const GRAPH = { gap: 76, row: 92, margin: 36 } as const;

/**
 * ADRs that supersede or link others, one row per connected group, ordered by number.
 * Supersede arrows point from the older decision to the newer one; other links from the ADR
 * that wrote them to their target.
 */
export function decisionGraph(adrs: readonly DocumentEntry[]): Graph {
  const byNumber = new Map<number, DocumentEntry>();
  for (const e of adrs) if (e.number !== null && !byNumber.has(e.number)) byNumber.set(e.number, e);

  const edges: GraphEdge[] = supersedePairs(adrs)
    .filter(([a, b]) => byNumber.has(a) && byNumber.has(b))
    .map(([from, to]) => ({ from, to, kind: 'Superseded by', supersede: true }));
  const seen = new Set<string>();
  for (const e of adrs) {
    if (e.number === null) continue;
    for (const l of e.links) {
      const t = l.target_number;
      if (t === null || t === e.number || !byNumber.has(t) || isReverseLink(l.kind) || isSupersedes(l.kind)) continue;
      const key = `${Math.min(e.number, t)}-${Math.max(e.number, t)}:${l.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: e.number, to: t, kind: l.kind, supersede: false });
    }
  }

  // Connected groups, by a small union-find over the edges.
  const parent = new Map<number, number>();
  const find = (n: number): number => {
    const p = parent.get(n) ?? n;
    if (p === n) return n;
    const root = find(p);
    parent.set(n, root);
    return root;
  };
  for (const { from, to } of edges) {
    const [a, b] = [find(from), find(to)];
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const rows = new Map<number, number[]>();
  for (const n of new Set(edges.flatMap((e) => [e.from, e.to]))) {
    const root = find(n);
    rows.set(root, [...(rows.get(root) ?? []), n]);
  }
  const ordered = [...rows.entries()].sort(([a], [b]) => a - b).map(([, ns]) => ns.sort((a, b) => a - b));

  const nodes: GraphNode[] = [];
  ordered.forEach((row, r) => {
    row.forEach((n, i) => {
      nodes.push({
        number: n,
        entry: byNumber.get(n) as DocumentEntry,
        x: GRAPH.margin + i * GRAPH.gap,
        y: GRAPH.margin + 18 + r * GRAPH.row,
      });
    });
  });
  const widest = Math.max(0, ...ordered.map((r) => r.length));
  return {
    nodes,
    edges,
    width: GRAPH.margin * 2 + Math.max(0, widest - 1) * GRAPH.gap,
    height: GRAPH.margin * 2 + 18 + Math.max(0, ordered.length - 1) * GRAPH.row + 18,
  };
}

/** The URL a preview link may open in the system browser, or null (relative, javascript:, file:, …). */
export function externalUrl(href: string | null): string | null {
  if (href === null) return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
}

/** A line of one side of a conflict, marked when the other side lacks it. */
export type DiffLine = { text: string; changed: boolean };

type Op = { op: 'same' | 'mine' | 'disk'; text: string };

// Past this many line pairs the table gets large; the whole text then counts as one change.
const DIFF_LIMIT = 4_000_000;

function diffLines(mine: string[], disk: string[]): Op[] {
  const n = mine.length;
  const m = disk.length;
  if (n * m > DIFF_LIMIT) {
    return [...mine.map((text) => ({ op: 'mine' as const, text })), ...disk.map((text) => ({ op: 'disk' as const, text }))];
  }
  // Longest common subsequence, filled from the end so the walk below goes forwards.
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = mine[i] === disk[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (mine[i] === disk[j]) {
      ops.push({ op: 'same', text: mine[i++] as string });
      j++;
    } else if ((table[i + 1] as Uint32Array)[j]! >= (table[i] as Uint32Array)[j + 1]!) {
      ops.push({ op: 'mine', text: mine[i++] as string });
    } else {
      ops.push({ op: 'disk', text: disk[j++] as string });
    }
  }
  while (i < n) ops.push({ op: 'mine', text: mine[i++] as string });
  while (j < m) ops.push({ op: 'disk', text: disk[j++] as string });
  return ops;
}

/** Both sides of a conflict line by line, with the lines the other side lacks marked. */
export function conflictSides(mine: string, disk: string): { mine: DiffLine[]; disk: DiffLine[] } {
  const ops = diffLines(mine.split('\n'), disk.split('\n'));
  return {
    mine: ops.filter((o) => o.op !== 'disk').map((o) => ({ text: o.text, changed: o.op === 'mine' })),
    disk: ops.filter((o) => o.op !== 'mine').map((o) => ({ text: o.text, changed: o.op === 'disk' })),
  };
}

export const MERGE_MARKERS = { mine: '<<<<<<< yours', split: '=======', disk: '>>>>>>> on disk' } as const;

/** One text holding both versions: equal lines once, each differing stretch between Git-style markers. */
export function mergeWithMarkers(mine: string, disk: string): string {
  const ops = diffLines(mine.split('\n'), disk.split('\n'));
  const out: string[] = [];
  let ours: string[] = [];
  let theirs: string[] = [];
  const flush = () => {
    if (ours.length === 0 && theirs.length === 0) return;
    out.push(MERGE_MARKERS.mine, ...ours, MERGE_MARKERS.split, ...theirs, MERGE_MARKERS.disk);
    ours = [];
    theirs = [];
  };
  for (const o of ops) {
    if (o.op === 'same') {
      flush();
      out.push(o.text);
    } else if (o.op === 'mine') ours.push(o.text);
    else theirs.push(o.text);
  }
  flush();
  return out.join('\n');
}

/** True while a merge still has marker lines in it. */
export function hasMergeMarkers(text: string): boolean {
  return text.split('\n').some((l) => l === MERGE_MARKERS.mine || l === MERGE_MARKERS.disk);
}

// Git's conflict marker lines (and ours): "<<<<<<< label", "=======", ">>>>>>> label".
const MARKER_LINE = /^(?:<{7} |={7}|>{7} )/;

/**
 * True while `text` has a conflict-marker line that is in none of the versions it was merged from.
 * Lines already in one of them are the document's own: a setext heading underlined with "=======",
 * a Git tutorial's example conflict.
 */
export function unresolvedMarkers(text: string, mergedFrom: readonly string[]): boolean {
  const own = new Set(mergedFrom.flatMap((t) => t.split(/\r?\n/)));
  return text.split(/\r?\n/).some((l) => MARKER_LINE.test(l) && !own.has(l));
}
