// Checks rendered Kubernetes objects against the Kubernetes OpenAPI schemas offline, with the npm packages
// kubernetes-models (the built-in kinds) and @kubernetes-models/keda (ScaledObject), whose classes validate with the
// schemas compiled in (deploy/local/lib/install.sh installs them under $STACK_HOME/tools/k8s-schemas).
//   K8S_SCHEMAS_MODULES=$STACK_HOME/tools/k8s-schemas/node_modules node validate-schemas.cjs OBJECTS.json
// OBJECTS.json holds a JSON array of objects (deploy-tests turns `kubectl kustomize` output into it). Prints one JSON
// line per object: {"kind", "name", "status": "valid" | "invalid" | "unchecked", "errors"}; exits 1 when any object
// is invalid. Strimzi's and CloudNativePG's kinds are "unchecked" here (deploy-tests checks Strimzi's against its CRDs,
// CloudNativePG publishes no schema package); any other kind without a schema is invalid.
'use strict';
const fs = require('fs');

const modules = process.env.K8S_SCHEMAS_MODULES;
if (!modules || !fs.existsSync(modules)) {
  console.error(`K8S_SCHEMAS_MODULES (${modules || 'unset'}) is no node_modules folder: run deploy/local/stack.sh install`);
  process.exit(2);
}
const load = (id) => require(require.resolve(id, { paths: [modules] }));

// apiVersion -> the module whose exports are that group version's model classes
function modelModule(apiVersion) {
  if (apiVersion.startsWith('keda.sh/')) return `@kubernetes-models/keda/${apiVersion}`;
  // core kinds are under kubernetes-models/v1, the others under kubernetes-models/<group>/<version>
  return `kubernetes-models/${apiVersion}`;
}
const UNCHECKED_GROUPS = ['kafka.strimzi.io/', 'postgresql.cnpg.io/'];

function check(object) {
  const kind = object && object.kind;
  const name = object && object.metadata && object.metadata.name;
  const result = { kind, name, status: 'valid', errors: [] };
  if (!kind || !object.apiVersion) {
    return { ...result, status: 'invalid', errors: ['apiVersion and kind are required'] };
  }
  if (UNCHECKED_GROUPS.some((group) => object.apiVersion.startsWith(group))) {
    return { ...result, status: 'unchecked' };
  }
  let Model;
  try {
    Model = load(modelModule(object.apiVersion))[kind];
  } catch (e) {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    return { ...result, status: 'invalid', errors: [`no schema for ${object.apiVersion} ${kind}`] };
  }
  try {
    new Model(object).validate();
  } catch (e) {
    const details = Array.isArray(e.errors) ? e.errors.map((x) => `${x.instancePath || '/'} ${x.message}`) : [e.message];
    return { ...result, status: 'invalid', errors: details };
  }
  return result;
}

const objects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let invalid = 0;
for (const object of objects) {
  const result = check(object);
  if (result.status === 'invalid') invalid++;
  console.log(JSON.stringify(result));
}
process.exit(invalid === 0 ? 0 : 1);
