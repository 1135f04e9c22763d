// Documents: loading, error, no plan, no templates, full list with the "no documents yet" state.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { noPlanOverview, overview, ready, templates } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Documents from './Documents.svelte';

const renderDocuments = (o = overview) => render(Documents, { overview: ready(o), onreload: vi.fn() });

describe('Documents', () => {
  it('shows template card skeletons while loading', () => {
    mockCommands({ document_templates: never() });
    renderDocuments();
    expect(screen.getByRole('heading', { level: 1, name: 'Documents' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading document templates…');
  });

  it("shows core's error in words", async () => {
    mockCommands({ document_templates: fails({ kind: 'not_found', message: 'no active plan', diagnostics: [] }) });
    renderDocuments();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load the document templates");
    expect(alert).toHaveTextContent('no active plan');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says no plan is loaded', async () => {
    mockCommands({ document_templates: [] });
    renderDocuments(noPlanOverview);
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
  });

  it('says when the plan has no templates', async () => {
    mockCommands({ document_templates: [] });
    renderDocuments();
    expect(await screen.findByRole('heading', { name: 'This plan has no document templates' })).toBeInTheDocument();
  });

  it('lists templates with kind and fields, and says no documents are written yet', async () => {
    mockCommands({ document_templates: templates });
    renderDocuments();
    const adr = await screen.findByTestId('template-adr');
    expect(within(adr).getByRole('heading', { name: 'Architecture decision' })).toBeInTheDocument();
    expect(adr).toHaveTextContent('Architecture decision record');
    expect(within(adr).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Context',
      'Decision',
      'Consequences',
    ]);
    expect(screen.getByTestId('template-log')).toHaveTextContent('Daily log');
    expect(screen.getByRole('heading', { name: 'No documents written yet' })).toBeInTheDocument();
  });
});
