// The Documents place's pure rules: grouping, ADR status steps and chains, the graph, safe links, merges,
// where a new README goes.
import { describe, expect, it } from 'vitest';
import { adr1, adr2, adr3, adr3dup, docList, entry } from '../../../test/documentFixtures';
import {
  conflictSides,
  decisionGraph,
  externalUrl,
  groupEntries,
  hasMergeMarkers,
  lastStatusDate,
  mergeWithMarkers,
  nextStatuses,
  statusTone,
  supersedeChains,
  supersededBy,
  unresolvedMarkers,
} from './docModel';

describe('groupEntries', () => {
  it('sorts each kind its own way', () => {
    const g = groupEntries(docList.entries, docList.projects);
    expect(g.adrs.map((e) => e.number)).toEqual([1, 2, 3, 3, null]);
    expect(g.logs.map((e) => e.date)).toEqual(['2025-08-19', '2025-08-18']);
    expect(g.readmes).toHaveLength(1);
    expect(g.other.map((e) => e.path)).toEqual(['notes/ideas.md']);
  });
});

describe('ADR statuses', () => {
  it('allows only the next steps of the lifecycle', () => {
    expect(nextStatuses('Proposed')).toEqual(['Accepted', 'Rejected']);
    expect(nextStatuses('Accepted')).toEqual(['Deprecated']);
    expect(nextStatuses('Rejected')).toEqual([]);
    expect(nextStatuses('Deprecated')).toEqual([]);
    expect(nextStatuses('Superseded by 3')).toEqual([]);
    expect(nextStatuses(null)).toEqual([]);
  });

  it('reads the tone from the first word', () => {
    expect(statusTone('Superseded by 3')).toBe('superseded');
    expect(statusTone('accepted')).toBe('accepted');
    expect(statusTone('Draft')).toBe('other');
  });

  it('dates a status by its last change', () => {
    expect(lastStatusDate(adr1)).toBe('2025-08-05');
    expect(lastStatusDate(adr3dup)).toBe('2025-08-13');
  });
});

describe('supersede chains and the graph', () => {
  const a = (n: number, links: [string, number][]) =>
    entry({
      path: `docs/adr/${n}.md`,
      kind: 'adr',
      number: n,
      title: `ADR ${n}`,
      status: 'Accepted',
      links: links.map(([kind, t]) => ({ kind, target_number: t, target_path: `docs/adr/${t}.md`, target_title: `ADR ${t}` })),
    });

  it('follows supersedes from the oldest to the newest, from either side of the link', () => {
    const adrs = [
      a(1, [['Superseded by', 3]]),
      a(3, [['Supersedes', 1], ['Superseded by', 7]]),
      a(7, [['Supersedes', 3]]),
      a(4, [['Amends', 1]]),
    ];
    expect(supersedeChains(adrs)).toEqual([[1, 3, 7]]);
    expect(supersededBy(adrs[0]!)).toEqual([3]);
  });

  it('gives a chain per branch', () => {
    expect(supersedeChains([a(2, [['Supersedes', 1]]), a(5, [['Supersedes', 1]])])).toEqual([
      [1, 2],
      [1, 5],
    ]);
  });

  it('draws each link once and leaves unlinked ADRs out', () => {
    const g = decisionGraph([adr1, adr2, adr3, a(9, [])]);
    expect(g.nodes.map((n) => n.number)).toEqual([1, 2, 3]);
    expect(g.edges).toEqual([
      { from: 2, to: 3, kind: 'Superseded by', supersede: true },
      { from: 3, to: 1, kind: 'Amends', supersede: false },
    ]);
    expect(decisionGraph([a(1, [])]).nodes).toEqual([]);
  });
});

describe('externalUrl', () => {
  it('lets only http(s) and mailto out', () => {
    expect(externalUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(externalUrl('http://example.org')).toBe('http://example.org/');
    expect(externalUrl('mailto:ada@example.org')).toBe('mailto:ada@example.org');
    expect(externalUrl('javascript:alert(1)')).toBeNull();
    expect(externalUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(externalUrl('java\tscript:alert(1)')).toBeNull();
    expect(externalUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(externalUrl('file:///etc/passwd')).toBeNull();
    expect(externalUrl('../0001-x.md')).toBeNull();
    expect(externalUrl('#goal')).toBeNull();
    expect(externalUrl(null)).toBeNull();
  });
});

describe('conflicts', () => {
  it('marks the lines each side lacks', () => {
    const s = conflictSides('a\nb\nc', 'a\nB\nc\nd');
    expect(s.mine).toEqual([
      { text: 'a', changed: false },
      { text: 'b', changed: true },
      { text: 'c', changed: false },
    ]);
    expect(s.disk.filter((l) => l.changed).map((l) => l.text)).toEqual(['B', 'd']);
  });

  it('merges with markers only around differences', () => {
    const merged = mergeWithMarkers('a\nb\nc', 'a\nB\nc');
    expect(merged).toBe('a\n<<<<<<< yours\nb\n=======\nB\n>>>>>>> on disk\nc');
    expect(hasMergeMarkers(merged)).toBe(true);
    expect(mergeWithMarkers('same', 'same')).toBe('same');
    expect(hasMergeMarkers('same')).toBe(false);
  });
});

describe('unresolved merge markers', () => {
  const mine = 'Title\n\nmine';
  const disk = 'Title\n\ndisk';

  it('finds any of the three marker lines, whatever their labels', () => {
    expect(unresolvedMarkers(mergeWithMarkers(mine, disk), [mine, disk])).toBe(true);
    expect(unresolvedMarkers('a\n<<<<<<< HEAD\nb', [mine, disk])).toBe(true);
    expect(unresolvedMarkers('a\n>>>>>>> main\nb', [mine, disk])).toBe(true);
    expect(unresolvedMarkers('a\n=======\nb', [mine, disk])).toBe(true);
    expect(unresolvedMarkers('a\r\n=======\r\nb', [mine, disk])).toBe(true);
    expect(unresolvedMarkers('Title\n\nmine and disk', [mine, disk])).toBe(false);
  });

  it('leaves alone marker-like lines the merged versions had already', () => {
    const setext = 'Title\n=========\n\nbody';
    const tutorial = '```\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> feature\n```';
    expect(unresolvedMarkers(setext + '\nmore', [setext, 'Title\n=========\n'])).toBe(false);
    expect(unresolvedMarkers(tutorial, [tutorial, ''])).toBe(false);
    // Git always writes a label after the angle brackets; bare ones are the document's own.
    expect(unresolvedMarkers('<<<<<<<\n>>>>>>>', [])).toBe(false);
  });
});
