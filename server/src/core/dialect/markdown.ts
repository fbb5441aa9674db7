import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/*
 * Plain CommonMark, plus YAML front matter at the very start of a note.
 * GFM is not enabled: none of its constructs changes what is coded, and
 * its autolink-literal scanning is a large share of parse time. Tables,
 * task lists and strikethrough still render on forges and in previews.
 */
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const withoutFrontMatter = unified().use(remarkParse).freeze();

/** Parses a block of a note; only the block at offset 0 may hold front matter. */
export function parseMarkdown(text: string, atDocumentStart: boolean): Root {
  return (atDocumentStart ? withFrontMatter : withoutFrontMatter).parse(text);
}
