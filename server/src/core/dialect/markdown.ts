import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { withoutExcessMarks } from './emphasisMarks.js';
import { deepLines, flattenDeepLines } from './nesting.js';

/*
 * Plain CommonMark, plus YAML front matter at the very start of a note.
 * GFM is not enabled: none of its constructs changes what is coded, and
 * its autolink-literal scanning is a large share of parse time. Tables,
 * task lists and strikethrough still render on forges and in previews.
 */
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const withoutFrontMatter = unified().use(remarkParse).freeze();

/**
 * Parses a block of a note; only the block at offset 0 may hold front matter.
 * Lines nested beyond `MAX_PREFIX_COLUMNS` are read with the rest of their
 * prefix as text (see `nesting.ts`), and stretches with emphasis marks by the
 * hundred have them read as text (see `emphasisMarks.ts`), so no note can
 * hold the parser for minutes.
 */
export function parseMarkdown(text: string, atDocumentStart: boolean): Root {
  return (atDocumentStart ? withFrontMatter : withoutFrontMatter).parse(withoutExcessMarks(flattenDeepLines(text, deepLines(text))));
}
