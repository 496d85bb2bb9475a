import { pyRepr } from "../python";

/** A template that Python's `str.format` would reject, or a placeholder without a value. */
export class TemplateFormatError extends Error {}

/**
 * Python's `str.format(**vars)` for the templates ToolEval uses: `{name}` is replaced by the value,
 * `{{` and `}}` are literal braces, and inserted values are never re-scanned. `!r`/`!s` conversions
 * are honoured; positional fields, attribute/index lookups and format specs are rejected, as they
 * never occur in judge templates and cannot be reproduced faithfully from string variables.
 */
export const pyFormat = (template: string, vars: Record<string, string>): string => {
  let out = "";
  let index = 0;
  while (index < template.length) {
    const ch = template[index]!;
    if (ch === "}") {
      if (template[index + 1] !== "}") throw new TemplateFormatError("Single '}' encountered in format string");
      out += "}";
      index += 2;
      continue;
    }
    if (ch !== "{") {
      out += ch;
      index += 1;
      continue;
    }
    if (template[index + 1] === "{") {
      out += "{";
      index += 2;
      continue;
    }
    const close = template.indexOf("}", index);
    if (close < 0) throw new TemplateFormatError("Single '{' encountered in format string");
    out += renderField(template.slice(index + 1, close), vars);
    index = close + 1;
  }

  return out;
};

const renderField = (field: string, vars: Record<string, string>): string => {
  const match = /^([^!:]*)(?:!([rs]))?(?::(.*))?$/s.exec(field);
  if (!match) throw new TemplateFormatError(`Unsupported replacement field {${field}}`);
  const [, name = "", conversion, spec] = match;
  if (name === "" || /^\d+$/.test(name)) throw new TemplateFormatError(`Positional field {${field}} needs positional arguments`);
  if (/[.[]/.test(name)) throw new TemplateFormatError(`Attribute or index lookup in {${field}} is not supported`);
  if (spec) throw new TemplateFormatError(`Format spec in {${field}} is not supported`);
  if (!Object.hasOwn(vars, name)) throw new TemplateFormatError(`Missing template variable "${name}" (Python raises KeyError)`);
  const value = vars[name]!;

  return conversion === "r" ? pyRepr(value) : value;
};

/** The placeholder names a template uses, in order of first appearance. */
export const templatePlaceholders = (template: string): string[] => {
  const names: string[] = [];
  const stripped = template.replace(/\{\{|\}\}/g, "");
  for (const match of stripped.matchAll(/\{([^{}!:]*)[^{}]*\}/g)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }

  return names;
};
