/** Reads the fields of one rule in `content/hints/*.yaml`, collecting errors with where they are. */
import type { HintRuleError } from './compileHintRules';

export type Fields = Record<string, unknown>;

export class RuleReader {
  constructor(
    private readonly file: string,
    private readonly errors: HintRuleError[],
    private where: string,
  ) {}

  at(where: string): void {
    this.where = where;
  }

  error(message: string): void {
    this.errors.push({ file: this.file, message: `${this.where}: ${message}` });
  }

  fields(value: unknown, label: string, allowed: readonly string[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.error(`${label} must be a mapping`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(`${label}: unknown field '${key}' (allowed: ${allowed.join(', ')})`);
      }
    }
    return value as Fields;
  }

  text(fields: Fields, key: string): string {
    const value = fields[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.error(`'${key}' must be a non-empty string`);
      return '';
    }
    return value.trim();
  }

  list(fields: Fields, key: string, required: boolean): string[] {
    const value = fields[key];
    if (value === undefined && !required) {
      return [];
    }
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.trim() === '')) {
      this.error(`'${key}' must be a list of non-empty strings`);
      return [];
    }
    return value.map((entry: string) => entry.trim());
  }

  scalar(fields: Fields, key: string): boolean | number | undefined {
    const value = fields[key];
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'boolean' && typeof value !== 'number') {
      this.error(`'${key}' must be true, false or a number`);
      return undefined;
    }
    return value;
  }
}
