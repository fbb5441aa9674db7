import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openTestNote, waitFor } from './support.cjs';

describe('the analysis view', () => {
  it('opens beside the notes when "Show analysis across cases" runs', async () => {
    await openTestNote();
    await vscode.commands.executeCommand('fieldnotes.showAnalysis');
    const webviews = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
    const tab = await waitFor('the analysis webview tab', [vscode.window.tabGroups.onDidChangeTabs], () => webviews().find((t) => t.label === 'Fieldnotes: analysis'), {
      describe: () => webviews().map((t) => t.label).join(', ') || 'no webview tabs',
    });
    assert.ok((tab.input as vscode.TabInputWebview).viewType.endsWith('fieldnotes.analysis'));
  });
});
