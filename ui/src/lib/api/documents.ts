// The active plan's document templates.
import type { DocumentTemplateView } from '../bindings/DocumentTemplateView';
import { call } from './ipc';

export function getDocumentTemplates(): Promise<DocumentTemplateView[]> {
  return call<DocumentTemplateView[]>('document_templates');
}
