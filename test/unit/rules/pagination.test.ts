import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFinding, none, one } from './helpers';

const IMPORT = 'ImportAccountEntJSON';
const withPagination = (p: string) => `{"accountParams":{"call":{"call1":{"callOrder":0,"listField":"data","pagination":${p}}}}}`;

test('pagination-shape: empty pagination → remove it', () => {
  const text = withPagination('{}');
  expectFinding('pagination-shape', IMPORT, text, { severity: 'warning', range: '"pagination"', fixed: '{"accountParams":{"call":{"call1":{"callOrder":0,"listField":"data"}}}}' });
});

test('pagination-shape: two forms at once', () => {
  const text = withPagination('{"nextUrl":{"nextUrlPath":"${response?.completeResponseMap?.next}"},"offset":{"offsetParam":"o","batchParam":"l","batchSize":100,"totalCountPath":"completeResponseMap.total"}}');
  expectFinding('pagination-shape', IMPORT, text, { severity: 'warning', range: '"offset"', fixed: null });
});

test('pagination-shape near miss: exactly one form', () => {
  none('pagination-shape', IMPORT, withPagination('{"page":{"pageSizeParam":"size","pageSize":50,"pageNumberParam":"page","totalCountPath":"headers.x-total-count"}}'));
});

test('pagination-fixed-total: a number or a numeric string (mistake 3.10)', () => {
  const asNumber = withPagination('{"offset":{"offsetParam":"offset","batchParam":"limit","batchSize":100,"totalCountPath":5000}}');
  const f = expectFinding('pagination-fixed-total', IMPORT, asNumber, { severity: 'warning', range: '5000', fixed: null });
  assert.match(f.message, /stops after 5000/);
  expectFinding('pagination-fixed-total', 'ImportUserJSON', '{"url":"https://x.example.com","pagination":{"offset":{"totalCountPath":"1000"}}}', { severity: 'warning', range: '"1000"', fixed: null });
});

test('pagination-fixed-total near miss: a response path', () => {
  none('pagination-fixed-total', IMPORT, withPagination('{"offset":{"totalCountPath":"completeResponseMap.meta.total"}}'));
});

test('pagination-path-prefix: ImportAccountEntJSON paths start with completeResponseMap. or headers.', () => {
  const text = withPagination('{"offset":{"totalCountPath":"meta.pageInfo.totalResults"}}');
  expectFinding('pagination-path-prefix', IMPORT, text, { severity: 'warning', range: '"meta.pageInfo.totalResults"',
    fixed: withPagination('{"offset":{"totalCountPath":"completeResponseMap.meta.pageInfo.totalResults"}}') });
  none('pagination-path-prefix', IMPORT, withPagination('{"page":{"totalCountPath":"headers.X-Total-Count"}}'));
  none('pagination-path-prefix', 'ImportUserJSON', '{"url":"https://x.example.com","pagination":{"offset":{"totalCountPath":"data.total"}}}');
});

test('pagination-next-url: a fixed URL repeats the same page', () => {
  const text = withPagination('{"nextUrl":{"nextUrlPath":"https://api.example.com/users?page=2"}}');
  expectFinding('pagination-next-url', IMPORT, text, { severity: 'warning', range: '"https://api.example.com/users?page=2"', fixed: null });
});

test('pagination-next-url: text outside the expression, or concatenation without null', () => {
  assert.match(one('pagination-next-url', IMPORT, withPagination('{"nextUrl":{"nextUrlPath":"https://api.example.com${response.completeResponseMap.next}"}}')).message, /outside/);
  assert.match(one('pagination-next-url', IMPORT, withPagination('{"nextUrl":{"nextUrlPath":"${\'https://api.example.com/users?page=\' + Math.addExact(response.completeResponseMap.page,1)}"}}')).message, /never returns null/);
});

test('pagination-next-url near misses: the documented recipes', () => {
  for (const p of [
    '${response?.completeResponseMap?._links.next==null?null:response.completeResponseMap._links.next}',
    "${response.completeResponseMap.get('@odata.nextLink')}",
    "${response?.objectList?.size()>0?'https://x.example.com/users?page='+Math.addExact(response.completeResponseMap.page,1):null}",
  ]) none('pagination-next-url', IMPORT, withPagination(`{"nextUrl":{"nextUrlPath":${JSON.stringify(p)}}}`));
});
