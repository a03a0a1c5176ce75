/**
 * The README of the .vsix renders offline on VS Code's Extensions page (issue 14, item 7): its
 * images are files inside the package, referenced by relative paths. The checker used by
 * `npm run package:vsix` is tested here on small packages, and against what the repository's own
 * README and .vscodeignore put into the package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import yazl from 'yazl';

const REPO = path.resolve(__dirname, '../../..');

async function vsix(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function checker() {
  return await import(path.join(REPO, 'scripts/vsix-readme.mjs')) as {
    checkVsixReadme(bytes: Buffer): Promise<{ images: string[]; problems: string[] }>;
    markdownLinks(text: string): { images: string[]; links: string[] };
    missingBundles(bytes: Buffer): Promise<string[]>;
    REQUIRED_BUNDLES: string[];
  };
}

test('images inside the package are fine; missing ones and web addresses are reported', async () => {
  const { checkVsixReadme } = await checker();
  const good = await vsix({
    'extension/readme.md': '# X\n\n![shot](docs/images/a.png)\n\n<img src="docs/images/b.png" width="400">\n\nSee [the changelog](CHANGELOG.md) and [a section](#x).\n\n```sh\n![not an image](nope.png)\n```\n',
    'extension/docs/images/a.png': 'png', 'extension/docs/images/b.png': 'png', 'extension/CHANGELOG.md': '# c',
  });
  const ok = await checkVsixReadme(good);
  assert.deepEqual(ok.images, ['docs/images/a.png', 'docs/images/b.png']);
  assert.deepEqual(ok.problems, []);
  const bad = await vsix({
    'extension/README.md': '![a](docs/images/a.png) ![rewritten](https://github.com/eic-tools/saviynt-intercom-rest/raw/HEAD/docs/images/b.png) [dev notes](docs/DEV.md)',
  });
  const result = await checkVsixReadme(bad);
  assert.equal(result.problems.length, 3, result.problems.join('\n'));
  assert.match(result.problems[0], /docs\/images\/a\.png is not in the package/);
  assert.match(result.problems[1], /is a web address/);
  assert.match(result.problems[2], /docs\/DEV\.md points at a file that is not in the package/);
  assert.deepEqual((await checkVsixReadme(await vsix({ 'extension/package.json': '{}' }))).problems, ['the package has no extension/readme.md']);
});

test('the README\'s images are shipped by .vscodeignore, and exist', async () => {
  const { markdownLinks } = await checker();
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const { images } = markdownLinks(readme);
  assert.ok(images.length >= 5, `the README shows screenshots (${images.join(', ')})`);
  const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!docs\/images\/\*\.png$/m);
  for (const image of images) {
    assert.ok(!/^[a-z]+:/i.test(image), `${image} is relative`);
    assert.match(image, /^docs\/images\/[\w-]+\.png$/, `${image} is one of the shipped screenshots`);
    assert.ok(existsSync(path.join(REPO, image)), `${image} exists`);
  }
  // vsce must not rewrite them to a repository address.
  const vsixScript = readFileSync(path.join(REPO, 'e2e/vsix.mjs'), 'utf8');
  assert.match(vsixScript, /'--no-rewrite-relative-links'/);
});

test('every bundle, the browser ones included, must be in the package', async () => {
  const { missingBundles, REQUIRED_BUNDLES } = await checker();
  assert.ok(REQUIRED_BUNDLES.includes('dist/browser/server.js') && REQUIRED_BUNDLES.includes('dist/browser/client.js'));
  const all = Object.fromEntries(REQUIRED_BUNDLES.map(f => [`extension/${f}`, '//']));
  assert.deepEqual(await missingBundles(await vsix(all)), []);
  const { ['extension/dist/browser/server.js']: _dropped, ...withoutWorker } = all;
  assert.deepEqual(await missingBundles(await vsix(withoutWorker)), ['dist/browser/server.js']);
  const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
  for (const file of REQUIRED_BUNDLES) assert.ok(ignore.includes(`!${file}`), `.vscodeignore keeps ${file}`);
});
