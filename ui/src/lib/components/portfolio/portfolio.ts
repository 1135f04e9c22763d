// Words and shapes for the portfolio: counts, a project's status and dates, groups of cards and of check
// items, the quality matrix's rows and columns, measures, evidence, and what an export or import did.
import type { EvidenceView } from '../../bindings/EvidenceView';
import type { ExportReport } from '../../bindings/ExportReport';
import type { ImportReport } from '../../bindings/ImportReport';
import type { ItemView } from '../../bindings/ItemView';
import type { Measurement } from '../../bindings/Measurement';
import type { ReadmeState } from '../../bindings/ReadmeState';
import type { Portfolio, Project, Tally, Week } from '../../api/portfolio';
import { formatDayMonth, formatDayShort } from '../../format';

/** "5/8", the way Org-mode's cookie counts. */
export function tallyText(t: Tally): string {
  return `${t.done}/${t.total}`;
}

/** "12/48 items · 25 %". */
export function tallyLong(t: Tally): string {
  return `${t.done}/${t.total} ${t.total === 1 ? 'item' : 'items'} · ${t.percent} %`;
}

/** "Not started", "In progress", "Delivered 24 Aug". */
export function statusText(p: Project): string {
  if (p.status === 'not_started') return 'Not started';
  if (p.status === 'in_progress') return 'In progress';
  return p.delivered_on ? `Delivered ${formatDayMonth(p.delivered_on)}` : 'Delivered';
}

/** "Week 1 · due Sun 24 Aug"; empty for a project with neither. */
export function whenText(p: Project): string {
  const parts: string[] = [];
  if (p.week !== null) parts.push(`Week ${p.week}`);
  if (p.due) parts.push(`due ${formatDayShort(p.due)}`);
  return parts.join(' · ');
}

/** Not delivered, its due date is past, and items are still open. */
export function isOverdue(p: Project, today: string): boolean {
  return p.status !== 'delivered' && p.due !== null && p.due < today && p.completeness.done < p.completeness.total;
}

/** "README 5/8 sections"; "README missing" (its path is shown next to it); "No README yet". */
export function readmeText(r: ReadmeState | null): string {
  if (!r) return 'No README yet';
  if (r.missing) return 'README missing';
  return `README ${r.written}/${r.total} sections`;
}

export type ProjectGroup = { title: string | null; projects: Project[] };

/**
 * The wall's groups, in plan order: by `group` when projects share one (a 30-project plan's tiers); one
 * untitled group when no two projects do (a group per project says nothing the card does not).
 */
export function projectGroups(projects: readonly Project[]): ProjectGroup[] {
  const titled = projects.filter((p) => p.group !== null);
  const distinct = new Set(titled.map((p) => p.group));
  if (titled.length === 0 || distinct.size === titled.length) return [{ title: null, projects: [...projects] }];
  const out: ProjectGroup[] = [];
  for (const p of projects) {
    const title = p.group ?? 'Other projects';
    const g = out.find((x) => x.title === title);
    if (g) g.projects.push(p);
    else out.push({ title, projects: [p] });
  }
  return out;
}

export type ItemGroup = { title: string | null; items: ItemView[] };

/** Items in order, split where their checklist group changes (items without a group come first). */
export function itemGroups(items: readonly ItemView[]): ItemGroup[] {
  const out: ItemGroup[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.title === item.group) last.items.push(item);
    else out.push({ title: item.group, items: [item] });
  }
  return out;
}

/** A criterion's short name: the text before its first ':' ("Code quality"), else the whole text. */
export function criterionName(text: string): string {
  const i = text.indexOf(':');
  const head = i > 0 ? text.slice(0, i).trim() : '';
  return head === '' ? text : head;
}

export type MatrixColumn = { key: string; name: string; text: string };
export type MatrixRow = { project: Project; cells: (ItemView | null)[]; tally: Tally };
export type Matrix = { columns: MatrixColumn[]; rows: MatrixRow[] };

/**
 * The quality matrix of project-scope checklist `list`: a row per project that has its section, a column
 * per criterion (matched across projects by the item id after `<project>:`).
 */
export function matrixOf(view: Portfolio, list: string): Matrix {
  const columns: MatrixColumn[] = [];
  const found: { project: Project; items: Map<string, ItemView>; tally: Tally }[] = [];
  for (const project of view.projects) {
    const section = project.sections.find((s) => s.key === list);
    if (!section) continue;
    const items = new Map<string, ItemView>();
    for (const item of section.items) {
      const key = item.id.startsWith(`${project.id}:`) ? item.id.slice(project.id.length + 1) : item.id;
      items.set(key, item);
      if (!columns.some((c) => c.key === key)) columns.push({ key, name: criterionName(item.text), text: item.text });
    }
    found.push({ project, items, tally: section.completeness });
  }
  const rows = found.map((r) => ({
    project: r.project,
    cells: columns.map((c) => r.items.get(c.key) ?? null),
    tally: r.tally,
  }));
  return { columns, rows };
}

/** The week to show first: today's, else week 1, else the plan's first. */
export function firstWeek(view: Portfolio): number | null {
  const has = (n: number | null) => n !== null && view.weeks.some((w) => w.number === n);
  if (has(view.current_week)) return view.current_week;
  if (has(1)) return 1;
  return view.weeks[0]?.number ?? null;
}

/** Whether any week has a copy of a weekly checklist. */
export function hasWeeklyLists(weeks: readonly Week[]): boolean {
  return weeks.some((w) => w.checklists.length > 0);
}

/** A plan with nothing to tick: no project and no checklist. */
export function isEmpty(view: Portfolio): boolean {
  return view.projects.length === 0 && view.checklists.length === 0 && !hasWeeklyLists(view.weeks);
}

/** "Python DSA problems 27 (goal 25–35)". */
export function measureText(m: Measurement): string {
  return `${m.label} ${m.value} (goal ${m.target})`;
}

/** Evidence that might be a git commit id: the repository field is offered for it. */
export function looksLikeCommit(value: string): boolean {
  return /^[0-9a-f]{7,64}$/i.test(value.trim());
}

/** How evidence is named in a button's label: the link or path, or "commit 1a2b3c4". */
export function evidenceName(e: EvidenceView): string {
  return e.kind === 'commit' ? `commit ${e.value.slice(0, 7)}` : e.value;
}

/** The HTML id of an item's evidence input (focus goes back there after a removal). */
export function evidenceInputId(item: string): string {
  return `evidence-input-${item}`;
}

/** "Wrote /…/portfolio.md", noting when only its studyplan section was replaced. */
export function exportText(r: ExportReport): string {
  return r.section_replaced ? `Updated the studyplan section of ${r.path}.` : `Wrote ${r.path}.`;
}

/** "Read portfolio.md: 14 items matched, 2 changed." */
export function importText(r: ImportReport): string {
  const matched = `${r.matched} ${r.matched === 1 ? 'item' : 'items'} matched`;
  const problems =
    r.problems.length === 0 ? '' : ` ${r.problems.length} ${r.problems.length === 1 ? 'line was' : 'lines were'} not applied:`;
  return `Read portfolio.md: ${matched}, ${r.changed} changed.${problems}`;
}
