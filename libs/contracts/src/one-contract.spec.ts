import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// One contract (docs/architecture.md): every body and query the API takes is a schema of this library, so the web
// app types its calls from the same shape. These checks read the API's source, so a shape typed a second time
// there fails here rather than drifting from the one the browser sends.
const repo = join(__dirname, '../../..');
const apiSource = join(repo, 'apps/api/src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

const files = sourceFiles(apiSource).map((path) => ({ path: relative(repo, path), text: readFileSync(path, 'utf8') }));

/** `@Body({ schema: x })`, `@Query({ schema: x })`: the schema a route validates its body or query with. */
const ROUTE_INPUT = /@(Body|Query)\(\s*(?:'[^']*'\s*,\s*)?\{\s*schema:\s*([\w$.]+)/g;

/** The names a file imports from `@app/contracts`. */
const contractImports = (text: string): Set<string> =>
  new Set(
    [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@app\/contracts'/g)].flatMap((m) =>
      m[1]
        .split(',')
        .map((name) => name.trim().replace(/^type\s+/, ''))
        .filter(Boolean),
    ),
  );

/** A zod object, or a new shape made from one: what an input schema is built of. */
const SHAPE = /\bz\s*\.\s*(object|strictObject|looseObject|discriminatedUnion)\s*\(|\w+Schema\s*\.\s*(extend|safeExtend|omit|pick|partial|merge)\s*\(/;

describe('one contract from database to browser', () => {
  it('reads the API’s controllers, and would see a shape typed in one', () => {
    expect(files.filter((f) => f.path.endsWith('.controller.ts')).length).toBeGreaterThan(20);
    const typedAgain = `import { z } from 'zod';
const listSchema = paginationSchema.extend({ q: z.string() });
  list(@Query({ schema: listSchema }) q: List, @Body({ schema: createRequestSchema }) body: CreateRequest) {}`;
    expect(typedAgain.split('\n').filter((line) => SHAPE.test(line))).toHaveLength(1);
    expect([...typedAgain.matchAll(ROUTE_INPUT)].map((m) => m[2])).toEqual(['listSchema', 'createRequestSchema']);
    expect(contractImports("import { type CreateRequest, createRequestSchema } from '@app/contracts';")).toEqual(
      new Set(['CreateRequest', 'createRequestSchema']),
    );
  });

  it('validates every body and query of the API with a schema imported from @app/contracts', () => {
    const routes = files.flatMap(({ path, text }) => {
      const imported = contractImports(text);
      return [...text.matchAll(ROUTE_INPUT)].map(([, kind, schema]) => ({ where: `${path} @${kind} ${schema}`, imported: imported.has(schema) }));
    });
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !r.imported).map((r) => r.where)).toEqual([]);
  });

  it('defines no zod object shape in the API (inputs and views live in libs/contracts)', () => {
    const shapes = files.flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, i) => (SHAPE.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(shapes).toEqual([]);
  });
});
