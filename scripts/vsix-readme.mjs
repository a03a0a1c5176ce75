// The README inside a .vsix, checked the way VS Code's Extensions page shows it: every image (and
// every other relative link) must point at a file inside the package, so that the page renders
// offline; a link rewritten to a web address is reported too, since a user without that site (or
// offline) sees a broken image. Used by scripts/package-vsix.mjs and its unit test.
import yauzl from 'yauzl';

/** The entry names of a zip given as bytes, and the text of its README. */
export function readZip(bytes) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      let readme;
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        // vsce stores the README as extension/readme.md.
        if (!/^extension\/readme\.md$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => { readme = Buffer.concat(chunks).toString('utf8'); zip.readEntry(); });
        });
      });
      zip.on('end', () => resolve({ names, readme }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The link targets of a Markdown text: images (`![…](x)`, `<img src="x">`) and other links (`[…](x)`). */
export function markdownLinks(text) {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const images = [...withoutCode.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...withoutCode.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]);
  const links = [...withoutCode.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  return { images, links };
}

/** The bundles package.json names (main, browser and its Web Worker server, the CLI): each must be in the package. */
export const REQUIRED_BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/serverMain.js', 'dist/cli.js', 'dist/browser/client.js', 'dist/browser/server.js'];

/** The required bundles a .vsix lacks. */
export async function missingBundles(bytes) {
  const { names } = await readZip(bytes);
  return REQUIRED_BUNDLES.filter((file) => !names.includes(`extension/${file}`));
}

/**
 * Problems of the README in a .vsix: missing README, images that are web addresses or not in the
 * package, relative links to files not in the package. Returns { images, problems }.
 */
export async function checkVsixReadme(bytes) {
  const { names, readme } = await readZip(bytes);
  if (readme === undefined) return { images: [], problems: ['the package has no extension/readme.md'] };
  const inPackage = new Set(names);
  const problems = [];
  const { images, links } = markdownLinks(readme);
  const resolve = (target) => `extension/${decodeURI(target.split('#')[0].replace(/^\.\//, ''))}`;
  for (const image of images) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(image)) problems.push(`image ${image} is a web address: it does not render offline (or at all, without that site)`);
    else if (!inPackage.has(resolve(image))) problems.push(`image ${image} is not in the package (${resolve(image)})`);
  }
  for (const link of links) {
    if (/^([a-z][a-z0-9+.-]*:|#)/i.test(link)) continue;
    const target = resolve(link);
    if (!inPackage.has(target) && !names.some((n) => n.startsWith(`${target.replace(/\/$/, '')}/`))) problems.push(`link ${link} points at a file that is not in the package`);
  }
  return { images, problems };
}
