import type { TextDocument } from 'vscode';

/**
 * Notes keep the language id `markdown`, so that VS Code's own Markdown
 * features (preview, links, folding, snippets) and other Markdown
 * extensions go on working; Fieldnotes selects them by file name instead
 * (see ARCHITECTURE.md, "Decisions").
 */
export const NOTE_SELECTOR = [{ scheme: 'file', language: 'markdown', pattern: '**/*.fn.md' }] as const;

export function isNote(document: TextDocument): boolean {
  return document.uri.scheme === 'file' && document.languageId === 'markdown' && document.uri.path.endsWith('.fn.md');
}
