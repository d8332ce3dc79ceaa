#!/usr/bin/env node
// Scaffolds a protected, metered data module in the project's layout:
//
//   npm run new:module -- <name>        (or: node scripts/new-module.mjs <name>)
//
// creates libs/<name>/ (module, controller, service, repository, schema, DTOs, index.ts) and
// test/<name>.e2e-spec.ts, then prints how to register the module. <name> is the plural resource
// noun in kebab-case (`widgets`, `purchase-orders`): it becomes the route (/api/v1/<name>), the API
// product that meters it, the scopes (<name>:read, <name>:write) and the lib (@tollgate/<name>).
// Plain Node with no dependencies, so it runs before `npm install` finishes and in any CI image.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  process.stderr.write(`new-module: ${message}\n`);
  process.exit(1);
}

// Letters and single hyphens only: the test runner resolves `@tollgate/<name>` with /[a-z-]+/.
const NAME = /^[a-z]+(-[a-z]+)*$/;

function names(name) {
  const words = name.split('-');
  const pascal = (ws) => ws.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const last = words[words.length - 1];
  // A naive singular, used only for type and file names: `widgets` → `widget`, `companies` → `company`.
  const singular = /ies$/.test(last) ? last.slice(0, -3) + 'y' : /[^su]s$/.test(last) ? last.slice(0, -1) : last;
  const itemWords = [...words.slice(0, -1), singular];
  return {
    name,
    Pascal: pascal(words),
    item: itemWords.join('-'),
    Item: pascal(itemWords),
    collection: words.join('_'),
  };
}

/** Route prefixes and collections already in use, so a new module cannot shadow or share them. */
function takenNames() {
  const routes = new Map();
  const collections = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/@Controller\(\s*['"]api\/v1\/([^/'"]+)/g))
          routes.set(m[1], relative(ROOT, path));
        for (const m of text.matchAll(/@ApiProduct\(\s*['"]([^'"]+)/g)) routes.set(m[1], relative(ROOT, path));
        for (const m of text.matchAll(/collection:\s*['"]([^'"]+)/g)) collections.set(m[1], relative(ROOT, path));
      }
    }
  };
  walk(join(ROOT, 'libs'));
  return { routes, collections };
}

/** The import names tsconfig.json gives the platform's libs (and kept aliases): a module cannot take one. */
function importNames() {
  return new Set(Object.keys(JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions.paths));
}

function check(name) {
  if (!name) fail('usage: npm run new:module -- <name>   (plural resource noun in kebab-case, e.g. widgets)');
  if (!NAME.test(name) || name.length < 2 || name.length > 40)
    fail(
      `invalid name ${JSON.stringify(name)}: use 2-40 lowercase letters and single hyphens, e.g. widgets or purchase-orders`,
    );
  const n = names(name);
  if (existsSync(join(ROOT, 'libs', name))) fail(`libs/${name} already exists; choose another name`);
  if (importNames().has(`@tollgate/${name}`) || name === 'platform')
    fail(`@tollgate/${name} is a platform or HTTP library's name; choose another name`);
  if (existsSync(join(ROOT, 'test', `${name}.e2e-spec.ts`)))
    fail(`test/${name}.e2e-spec.ts already exists; choose another name`);
  const { routes, collections } = takenNames();
  if (routes.has(name))
    fail(`/api/v1/${name} (or API product ${name}) is already used by ${routes.get(name)}; choose another name`);
  if (collections.has(n.collection))
    fail(`collection ${n.collection} is already used by ${collections.get(n.collection)}; choose another name`);
  return n;
}

const files = (n) => ({
  [`libs/${n.name}/${n.item}.types.ts`]: `/** A ${n.item} as the API returns it (plain data). Each belongs to one account: the caller's. */
export interface ${n.Item} {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a client sends to create or replace a ${n.item}. */
export interface ${n.Item}Input {
  name: string;
  description?: string | null;
}
`,

  [`libs/${n.name}/${n.item}.schema.ts`]: `import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: '${n.collection}', versionKey: false })
export class ${n.Item}Document {
  @Prop({ type: String, required: true }) accountId: string;
  @Prop({ type: String, required: true }) name: string;
  @Prop({ type: String, default: null }) description: string | null;
  @Prop({ type: Date, required: true }) createdAt: Date;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}

export const ${n.Item}Schema = SchemaFactory.createForClass(${n.Item}Document);
// GET /api/v1/${n.name}: an account's ${n.name} in list order (_id, i.e. creation order).
${n.Item}Schema.index({ accountId: 1, _id: 1 });
// GET /api/v1/${n.name}?name=…: an account's ${n.name} with that name, in list order.
${n.Item}Schema.index({ accountId: 1, name: 1, _id: 1 });
`,

  [`libs/${n.name}/${n.name}.repository.ts`]: `import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { type PageRequest, TenantMongoRepository } from '@tollgate/persistence';
import type { ${n.Item}, ${n.Item}Input } from './${n.item}.types';
import { ${n.Item}Document } from './${n.item}.schema';

const to${n.Item} = (doc: ${n.Item}Document & { _id: Types.ObjectId }): ${n.Item} => ({
  id: doc._id.toHexString(),
  name: doc.name,
  description: doc.description ?? null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/**
 * The only code that touches the \`${n.collection}\` collection. ${n.Item}s are tenant data: the base
 * repository takes the caller's account id in every method and puts it in every query, so a query
 * that forgets it does not compile; it also pages in an order that never ties, finds nothing for an
 * id that is not an ObjectId, and maps a missing ${n.item} to not found.
 */
@Injectable()
export class ${n.Pascal}Repository extends TenantMongoRepository<${n.Item}Document, ${n.Item}> {
  constructor(@InjectModel(${n.Item}Document.name) model: Model<${n.Item}Document>) {
    super(model, { name: '${n.item}', toItem: to${n.Item} });
  }

  insert(accountId: string, input: Required<${n.Item}Input>, now: Date): Promise<${n.Item}> {
    return this.insertOne(accountId, { ...input, createdAt: now, updatedAt: now });
  }

  list(accountId: string, filter: { name?: string }, page: PageRequest): Promise<{ items: ${n.Item}[]; total: number }> {
    // Values go in as strings compared by equality: nothing a client sends becomes an operator.
    const query: Record<string, unknown> = {};
    if (filter.name !== undefined) query.name = String(filter.name);
    return this.findPage(accountId, { filter: query, sort: { _id: 1 } }, page);
  }

  replace(accountId: string, id: string, input: Required<${n.Item}Input>, now: Date): Promise<${n.Item} | null> {
    return this.updateById(accountId, id, { ...input, updatedAt: now });
  }
}
`,

  [`libs/${n.name}/${n.name}.service.ts`]: `import { Injectable } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { NotFoundError } from '@tollgate/domain-errors';
import { checkPage, type Page, type PageRequest } from '@tollgate/persistence';
import type { ${n.Item}, ${n.Item}Input } from './${n.item}.types';
import { ${n.Pascal}Repository } from './${n.name}.repository';

/** The rules of ${n.name}; called the same way from the controller, a processor or a CLI. */
@Injectable()
export class ${n.Pascal}Service {
  constructor(
    private readonly repository: ${n.Pascal}Repository,
    private readonly clock: Clock,
  ) {}

  async list(accountId: string, filter: { name?: string }, page: PageRequest): Promise<Page<${n.Item}>> {
    const { items, total } = await this.repository.list(accountId, filter, checkPage(page));
    return { items, page: page.page, pageSize: page.pageSize, total };
  }

  get(accountId: string, id: string): Promise<${n.Item}> {
    return this.repository.get(accountId, id);
  }

  create(accountId: string, input: ${n.Item}Input): Promise<${n.Item}> {
    return this.repository.insert(accountId, normalize(input), new Date(this.clock.now()));
  }

  async replace(accountId: string, id: string, input: ${n.Item}Input): Promise<${n.Item}> {
    const replaced = await this.repository.replace(accountId, id, normalize(input), new Date(this.clock.now()));
    if (!replaced) throw new NotFoundError('${n.item}', id);
    return replaced;
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.repository.delete(accountId, id))) throw new NotFoundError('${n.item}', id);
  }
}

function normalize(input: ${n.Item}Input): Required<${n.Item}Input> {
  return { name: input.name.trim(), description: input.description?.trim() || null };
}
`,

  [`libs/${n.name}/${n.name}.controller.ts`]: `import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type Caller, CurrentPrincipal, RequireScopes, XmlRoot } from '@tollgate/http';
import { DEFAULT_PAGE_SIZE } from '@tollgate/persistence';
import { ApiProduct } from '@tollgate/usage';
import { ${n.Item}BodyDto } from './dto/${n.item}-body.dto';
import { ${n.Item}Dto } from './dto/${n.item}.dto';
import { ${n.Item}PageDto } from './dto/${n.item}-page.dto';
import { IdParamDto } from './dto/id-param.dto';
import { List${n.Pascal}QueryDto } from './dto/list-${n.name}-query.dto';
import { ${n.Pascal}Service } from './${n.name}.service';

/**
 * Bearer authentication, throttling, metering (as API product \`${n.name}\`) and JSON/XML rendering
 * are global to /api/v1: the controller only names its product and the scope of each route. The
 * OpenAPI document reads the same metadata: its security (the scopes), refusals and XML come from
 * there; the summaries and answer types below are what only the route can say.
 */
@Controller('api/v1/${n.name}')
@ApiProduct('${n.name}')
export class ${n.Pascal}Controller {
  constructor(private readonly ${camel(n.name)}: ${n.Pascal}Service) {}

  @Get()
  @ApiOperation({ summary: 'List ${n.name}' })
  @ApiOkResponse({ type: ${n.Item}PageDto })
  @RequireScopes('${n.name}:read')
  @XmlRoot('${n.name}')
  list(@CurrentPrincipal() principal: Caller, @Query() query: List${n.Pascal}QueryDto) {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filter } = query;
    return this.${camel(n.name)}.list(principal.accountId, filter, { page, pageSize });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a ${n.item}' })
  @ApiOkResponse({ type: ${n.Item}Dto })
  @RequireScopes('${n.name}:read')
  @XmlRoot('${n.item}')
  get(@CurrentPrincipal() principal: Caller, @Param() { id }: IdParamDto) {
    return this.${camel(n.name)}.get(principal.accountId, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a ${n.item}' })
  @ApiCreatedResponse({ type: ${n.Item}Dto })
  @RequireScopes('${n.name}:write')
  @XmlRoot('${n.item}')
  create(@CurrentPrincipal() principal: Caller, @Body() body: ${n.Item}BodyDto) {
    return this.${camel(n.name)}.create(principal.accountId, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a ${n.item}' })
  @ApiOkResponse({ type: ${n.Item}Dto })
  @RequireScopes('${n.name}:write')
  @XmlRoot('${n.item}')
  replace(@CurrentPrincipal() principal: Caller, @Param() { id }: IdParamDto, @Body() body: ${n.Item}BodyDto) {
    return this.${camel(n.name)}.replace(principal.accountId, id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a ${n.item}' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @RequireScopes('${n.name}:write')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Caller, @Param() { id }: IdParamDto): Promise<void> {
    await this.${camel(n.name)}.delete(principal.accountId, id);
  }
}
`,

  [`libs/${n.name}/dto/${n.item}-body.dto.ts`]: `import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { ${n.Item}Input } from '../${n.item}.types';

/**
 * Body of POST and PUT (a full replacement). Unknown fields are refused by the global validation
 * pipe, and each field has one declared type, so \`{"$gt": ""}\` is a 400, never a query.
 */
export class ${n.Item}BodyDto implements ${n.Item}Input {
  // Each rule stated twice on purpose: for the validation pipe, and for the OpenAPI document.
  @ApiProperty({ type: String, minLength: 1, maxLength: 200, pattern: '\\\\S' })
  @IsString() @Length(1, 200) @Matches(/\\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional() @IsString() @Length(0, 2000)
  description?: string | null;
}
`,

  [`libs/${n.name}/dto/list-${n.name}-query.dto.ts`]: `import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Query strings carry text: only plain digits become a number; anything else fails the integer check. */
const digits = () => Transform(({ value }) => (typeof value === 'string' && /^\\d{1,9}$/.test(value) ? Number(value) : value));

export class List${n.Pascal}QueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsOptional() @digits() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptional() @digits() @IsInt() @Min(1) @Max(100)
  pageSize?: number;

  /** Exact name. \`name[$ne]=x\` arrives as an unknown key and is refused. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200, description: 'exact name' })
  @IsOptional() @IsString() @Length(1, 200)
  name?: string;
}
`,

  [`libs/${n.name}/dto/${n.item}.dto.ts`]: `import { ApiProperty } from '@nestjs/swagger';

/** A ${n.item} as every route answers it (dates as ISO 8601 strings on the wire). */
export class ${n.Item}Dto {
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{24}$' }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
`,

  [`libs/${n.name}/dto/${n.item}-page.dto.ts`]: `import { ApiProperty } from '@nestjs/swagger';
import { ${n.Item}Dto } from './${n.item}.dto';

/** One page of GET /api/v1/${n.name}. */
export class ${n.Item}PageDto {
  @ApiProperty({ type: () => [${n.Item}Dto] }) items: ${n.Item}Dto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) pageSize: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
}
`,

  [`libs/${n.name}/dto/id-param.dto.ts`]: `import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';

export class IdParamDto {
  @ApiProperty({ type: String, pattern: '^[0-9a-fA-F]{24}$' })
  @IsMongoId({ message: 'id must be 24 hexadecimal digits' })
  id: string;
}
`,

  [`libs/${n.name}/${n.name}.module.ts`]: `import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ${n.Item}Document, ${n.Item}Schema } from './${n.item}.schema';
import { ${n.Pascal}Controller } from './${n.name}.controller';
import { ${n.Pascal}Repository } from './${n.name}.repository';
import { ${n.Pascal}Service } from './${n.name}.service';

/** Register in apps/api/api.module.ts (ApiModule.forRoot imports). */
@Module({
  imports: [MongooseModule.forFeature([{ name: ${n.Item}Document.name, schema: ${n.Item}Schema }])],
  controllers: [${n.Pascal}Controller],
  providers: [${n.Pascal}Repository, ${n.Pascal}Service],
  exports: [${n.Pascal}Service],
})
export class ${n.Pascal}Module {}
`,

  [`libs/${n.name}/index.ts`]: `export { ${n.Pascal}Module } from './${n.name}.module';
export { ${n.Pascal}Service } from './${n.name}.service';
export type { ${n.Item}, ${n.Item}Input } from './${n.item}.types';
`,

  [`test/${n.name}.e2e-spec.ts`]: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ${n.Pascal}Module } from '@tollgate/${n.name}';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;
let token: string;
let readOnly: string;
let otherAccount: string;
let noScopes: string;

const url = (path = '') => \`\${api.url}/api/v1/${n.name}\${path}\`;
const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();

beforeAll(async () => {
  api = await startApi(config, { imports: [${n.Pascal}Module] });
  const scopes = ['${n.name}:read', '${n.name}:write'];
  const owner = await createAccount(api.url, config, { name: '${n.name}-owner', scopes });
  const other = await createAccount(api.url, config, { name: '${n.name}-other', scopes });
  const plain = await createAccount(api.url, config, { name: '${n.name}-plain' });
  [token, readOnly, otherAccount, noScopes] = await Promise.all([
    issueToken(api.url, owner),
    issueToken(api.url, owner, '${n.name}:read'),
    issueToken(api.url, other),
    issueToken(api.url, plain),
  ]);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('${n.name}', () => {
  it('creates, reads, lists, replaces and deletes', async () => {
    const created = await http(url(), { method: 'POST', headers: bearer(token), json: { name: 'First', description: 'one' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'First', description: 'one' });
    const id = created.body.id;
    expect((await http(url(\`/\${id}\`), { headers: bearer(token) })).body).toEqual(created.body);
    const list = await http(url('?name=First'), { headers: bearer(token) });
    expect(list.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    const replaced = await http(url(\`/\${id}\`), { method: 'PUT', headers: bearer(token), json: { name: 'Renamed' } });
    expect(replaced.body).toMatchObject({ id, name: 'Renamed', description: null });
    expect((await http(url(\`/\${id}\`), { method: 'DELETE', headers: bearer(token) })).status).toBe(204);
    expect((await http(url(\`/\${id}\`), { headers: bearer(token) })).status).toBe(404);
  });

  it('answers XML for Accept: application/xml', async () => {
    await http(url(), { method: 'POST', headers: bearer(token), json: { name: 'Xml' } });
    const res = await http(url('?name=Xml'), { headers: { ...bearer(token), accept: 'application/xml' } });
    expect(res.headers.get('content-type')).toMatch(/^application\\/xml/);
    expect(res.text).toContain('<name>Xml</name>');
  });

  it("keeps each account's ${n.name} to itself", async () => {
    const mine = (await http(url(), { method: 'POST', headers: bearer(token), json: { name: 'Private' } })).body;
    expect((await http(url(\`/\${mine.id}\`), { headers: bearer(otherAccount) })).status).toBe(404);
    expect((await http(url('?name=Private'), { headers: bearer(otherAccount) })).body.total).toBe(0);
  });

  it('needs a token and the ${n.name}:read / ${n.name}:write scopes', async () => {
    expect((await http(url())).status).toBe(401);
    const denied = await http(url(), { headers: bearer(noScopes) });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('insufficient_scope');
    expect((await http(url(), { headers: bearer(readOnly) })).status).toBe(200);
    expect((await http(url(), { method: 'POST', headers: bearer(readOnly), json: { name: 'x' } })).status).toBe(403);
  });

  it('refuses bad input with a 400 naming each field, and malformed ids', async () => {
    const res = await http(url(), { method: 'POST', headers: bearer(token), json: { name: { $gt: '' }, extra: 1 } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['extra', 'name']);
    expect((await http(url('?name[$ne]=x'), { headers: bearer(token) })).status).toBe(400);
    expect((await http(url('/not-an-id'), { headers: bearer(token) })).status).toBe(400);
  });

  it('is metered as API product ${n.name}', async () => {
    const limited = await createAccount(api.url, config, { name: '${n.name}-quota', scopes: ['${n.name}:read'], quotas: [{ api: '${n.name}', period: 'day', limit: 1 }] });
    const limitedToken = await issueToken(api.url, limited);
    expect((await http(url(), { headers: bearer(limitedToken) })).status).toBe(200);
    const over = await http(url(), { headers: bearer(limitedToken) });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: 'quota_exceeded', api: '${n.name}' });
  });
});
`,
});

function camel(name) {
  return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

function main() {
  const args = process.argv.slice(2);
  if (args.length > 1) fail(`expected one name, got ${args.length}; usage: npm run new:module -- <name>`);
  const n = check(args[0]);
  const generated = files(n);
  // Written into a scratch folder and renamed into place, so a failure never leaves half a module.
  const scratch = join(ROOT, 'libs', `.${n.name}.tmp-${process.pid}`);
  const libFiles = Object.entries(generated).filter(([path]) => path.startsWith('libs/'));
  const testFile = Object.entries(generated).find(([path]) => path.startsWith('test/'));
  try {
    for (const [path, content] of libFiles) {
      const target = join(scratch, relative(`libs/${n.name}`, path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    renameSync(scratch, join(ROOT, 'libs', n.name));
    writeFileSync(join(ROOT, testFile[0]), testFile[1], { flag: 'wx' });
  } catch (err) {
    rmSync(scratch, { recursive: true, force: true });
    fail(`could not write the module: ${err.message}`);
  }
  const out = (line = '') => process.stdout.write(line + '\n');
  out(`created libs/${n.name}/ (module, controller, service, repository, schema, DTOs) and test/${n.name}.e2e-spec.ts`);
  out();
  out(
    'register it in apps/api/api.module.ts: add this import, and ' +
      `${n.Pascal}Module to the imports of ApiModule.forRoot:`,
  );
  out(`  import { ${n.Pascal}Module } from '@tollgate/${n.name}';`);
  out();
  out(
    `grant its scopes to the accounts that may call it (operator API, "scopes": [..., "${n.name}:read", "${n.name}:write"])`,
  );
  out(`test it: npx vitest run --project e2e test/${n.name}.e2e-spec.ts`);
}

main();
