// Plain JavaScript on purpose: it must run on an old Node to tell the newcomer what to do.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Portal needs Node.js 22.18 or newer (24 LTS recommended); this is ${process.version}.\n` +
      'See README.md, "Getting Node 24", for a one-line way to get it from the npm registry.',
  );
  process.exit(1);
}
