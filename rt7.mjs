import { unified } from 'unified';
import remarkParse from 'remark-parse';
const p = unified().use(remarkParse);
for (const n of [1000,2000,4000]) {
 for (const [name,t] of [['emph', '*a '.repeat(n)+'b'+'*'.repeat(n)], ['emph2', '*a'.repeat(n)], ['under','_a '.repeat(n)+'b'+'_'.repeat(n)], ['strongclose','**a '.repeat(n)+'b'+'**'.repeat(n)], ['links','['.repeat(n)+'a'+'](x)'.repeat(n)], ['codespans','`a'.repeat(n)]]) {
  const t0=performance.now(); p.parse(t); console.log(name, n, (performance.now()-t0).toFixed(0));
 }}
