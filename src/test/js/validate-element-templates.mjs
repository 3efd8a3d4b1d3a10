// Validates the element templates in processes/.camunda/element-templates against Camunda's JSON schema and checks
// that every delegate expression they set names a delegate that exists in src/main/java.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL(import.meta.resolve(
  '@camunda/element-templates-json-schema/resources/schema.json')), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const folder = 'processes/.camunda/element-templates';
const javaSources = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.java')) javaSources.push(readFileSync(path, 'utf8'));
  }
})('src/main/java');
const beanExists = (bean) => javaSources.some((source) =>
  new RegExp(`class ${bean.charAt(0).toUpperCase()}${bean.slice(1)}\\b`).test(source)
  || source.includes(`@Component("${bean}")`));

let problems = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
  const templates = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  if (!validate(templates)) {
    problems++;
    console.error(`${file}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
  }
  for (const template of [].concat(templates)) {
    for (const property of template.properties) {
      const match = /^\$\{(\w+)\}$/.exec(String(property.value ?? ''));
      if (match && ['camunda:delegateExpression', undefined].includes(property.binding.name)
          && !beanExists(match[1])) {
        problems++;
        console.error(`${file}: template ${template.id} names the delegate ${match[1]}, which does not exist`);
      }
    }
  }
  console.log(`${file}: ${[].concat(templates).length} templates checked`);
}
process.exit(problems ? 1 : 0);
