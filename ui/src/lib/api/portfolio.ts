// The portfolio (projects, quality matrix, checklists with their weekly copies): reading it, ticking items,
// evidence, and the Markdown / HTML export and Markdown import. Every change answers the whole portfolio.
import type { ChecklistCard } from '../bindings/ChecklistCard';
import type { ExportReport } from '../bindings/ExportReport';
import type { ImportReport } from '../bindings/ImportReport';
import type { ItemSection } from '../bindings/ItemSection';
import type { PortfolioView } from '../bindings/PortfolioView';
import type { ProjectCard } from '../bindings/ProjectCard';
import type { WeekCard } from '../bindings/WeekCard';
import { call } from './ipc';

// Short names for the generated types the portfolio components use.
export type { Tally } from '../bindings/Tally';
export type Section = ItemSection;
export type Checklist = ChecklistCard;
export type Project = ProjectCard;
export type Week = WeekCard;
export type Portfolio = PortfolioView;

export type ExportFormat = 'md' | 'html';

export function getPortfolio(): Promise<Portfolio> {
  return call<Portfolio>('portfolio');
}

/** Ticks (`done`) or unticks item `item` by hand (an item filled from data stays done while its measures are met). */
export function checkItem(item: string, done: boolean): Promise<Portfolio> {
  return call<Portfolio>('portfolio_check', { item, done });
}

/** Attaches a https link, a path inside the documents workspace, or a commit id (with its repository, if not the workspace). */
export function addEvidence(item: string, value: string, repo: string | null): Promise<Portfolio> {
  return call<Portfolio>('portfolio_evidence_add', { item, value, repo });
}

/** Removes evidence `id` of item `item` (core refuses evidence of another item). */
export function removeEvidence(item: string, id: number): Promise<Portfolio> {
  return call<Portfolio>('portfolio_evidence_remove', { item, id });
}

/** Writes portfolio.md / portfolio.html into the documents workspace. */
export function exportPortfolio(format: ExportFormat): Promise<ExportReport> {
  return call<ExportReport>('portfolio_export', { format });
}

/** Reads the ticks back from the workspace's portfolio.md. */
export function importPortfolio(): Promise<ImportReport> {
  return call<ImportReport>('portfolio_import', {});
}
