// Validates every Kubernetes manifest under infra/k8s against the Kubernetes API's JSON schemas (the npm package
// kubernetes-models), and that the kustomization lists files that exist. Run through infra/scripts/check-infra.sh.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [modulesDir, k8sDir] = process.argv.slice(2);
const require = createRequire(path.join(modulesDir, "noop.js"));
const yaml = require("js-yaml");

// kubernetes-models is an ES module package: its groups are imported by file.
const modelOf = async (apiVersion, kind) => {
  const models = await import(pathToFileURL(path.join(modulesDir, "kubernetes-models", apiVersion, "index.js")).href);
  if (!models[kind]) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return models[kind];
};

let checked = 0;
const problems = [];
for (const file of fs.readdirSync(k8sDir).filter(f => f.endsWith(".yaml")).sort()) {
  const documents = yaml.loadAll(fs.readFileSync(path.join(k8sDir, file), "utf8")).filter(Boolean);
  for (const document of documents) {
    const name = `${file}: ${document.kind} ${document.metadata?.name ?? ""}`.trim();
    if (document.kind === "Kustomization") {
      for (const resource of document.resources ?? [])
        if (!fs.existsSync(path.join(k8sDir, resource))) problems.push(`${name}: lists ${resource}, which does not exist`);
      checked++;
      continue;
    }
    try {
      const Model = await modelOf(document.apiVersion, document.kind);
      new Model(document).validate();
      checked++;
      console.log(`ok   ${name}`);
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }
}
for (const problem of problems) console.log(`FAIL ${problem}`);
console.log(`${checked} manifests valid, ${problems.length} invalid`);
process.exit(problems.length === 0 ? 0 : 1);
