import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/dist';

/** Every built page passes html-validate's recommended rules (see .htmlvalidate.json). */
const dist = join(process.cwd(), 'dist');
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  it('has no html-validate errors on any page', async () => {
    const problems: string[] = [];
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      const report = await validator.validateFile(join(dist, page));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
