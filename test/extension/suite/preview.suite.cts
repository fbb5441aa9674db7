import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openTestNote } from './support.cjs';

/**
 * The built-in Markdown extension's rendering, with the plugins that
 * extensions contribute (ours among them). Given a document, it renders
 * with that document as `env.currentDocument`, as the preview does.
 */
const render = (input: vscode.TextDocument | string) => vscode.commands.executeCommand<string>('markdown.api.render', input);

describe('the Markdown preview plugin', () => {
  it('renders a note\'s coded segment as an fn-segment span with its codes', async () => {
    const { document } = await openTestNote();
    const html = await render(document);
    assert.match(html, /<span class="fn-segment[^"]*" data-codes="kontaktvei\/tilgjengelig-på-arenaer"[^>]*>Vi drar dit de er<\/span>/, html);
    assert.match(html, /<sup class="fn-codes"><span class="fn-code"[^>]*>#kontaktvei\/tilgjengelig-på-arenaer<\/span><\/sup>/, html);
    assert.ok(!html.includes('{#'), `the annotation's braces are left in the HTML: ${html}`);
  });

  it('leaves Markdown that is not a note alone, even with braces after brackets', async () => {
    const html = await render('Hun sa: [en lenke](https://example.org), [tekst]{#id} og *ingen* kode.\n');
    assert.ok(!html.includes('fn-segment'), html);
    assert.match(html, /<a [^>]*href="https:\/\/example\.org"/, html);
  });
});
