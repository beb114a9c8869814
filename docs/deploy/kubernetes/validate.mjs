// Schema check of the Kubernetes manifests in this directory: every document of every
// *.yaml file is validated against the OpenAPI schema of its apiVersion and kind, from
// kubernetes-models (Kubernetes) and @kubernetes-models/prometheus-operator
// (ServiceMonitor). Exits 1 naming each invalid or unknown document.
//
//   cd docs/deploy/kubernetes && npm ci && node validate.mjs [FILE...]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

// apiVersion "apps/v1" -> kubernetes-models/apps/v1/KIND; "v1" -> kubernetes-models/v1/KIND
function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function validateDocument(file, index, object) {
  const where = `${file} document ${index + 1} (${object?.kind ?? "no kind"} ${object?.metadata?.name ?? ""})`;
  if (!object || typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    return `${where}: no apiVersion or kind`;
  }
  let Model;
  try {
    Model = (await import(modulePath(object.apiVersion, object.kind)))[object.kind];
  } catch {
    return `${where}: no schema for ${object.apiVersion} ${object.kind}`;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    return `${where}: ${error.message}`;
  }
  console.log(`ok ${where}`);
  return null;
}

const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(here).filter((name) => name.endsWith(".yaml")).sort().map((name) => join(here, name));
const problems = [];
let documents = 0;
for (const file of files) {
  const parsed = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [index, document] of parsed.entries()) {
    if (document.errors.length > 0) {
      problems.push(`${file} document ${index + 1}: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    documents++;
    const problem = await validateDocument(file, index, document.toJS());
    if (problem) {
      problems.push(problem);
    }
  }
}
for (const problem of problems) {
  console.error(`INVALID ${problem}`);
}
console.log(`${documents - problems.length} valid, ${problems.length} invalid`);
process.exit(problems.length > 0 || documents === 0 ? 1 : 0);
