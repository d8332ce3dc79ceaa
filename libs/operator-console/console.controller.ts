import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@tollgate/domain-errors';
import { ErrorBody, Public } from '@tollgate/http';
import { ConsoleAssets } from './console-assets';

const ASSET_NAME = /^[A-Za-z0-9._-]{1,128}$/;
// The name is not repeated: a 404 never echoes what the request spelled.
const noSuchFile = () => new DomainError('not_found', 'not_found', 'no such console file');
const text = (type: string) => ({ [type]: { schema: { type: 'string' } } });

/**
 * The operator console's page and its compiled assets. Public: they hold no data (everything the
 * console shows comes from the operator API, under the signed-in session). The page routes by the
 * URL's fragment (`/console#/accounts/acme`), so these two routes are all it needs.
 */
@Controller('console')
@ApiTags('operator console')
@ApiExtraModels(ErrorBody)
@Public()
export class ConsoleController {
  constructor(private readonly assets: ConsoleAssets) {}

  @Get()
  @ApiOperation({ summary: 'The operator console (a page for browsers)' })
  @ApiOkResponse({ description: 'The console page', content: text('text/html') })
  @ApiNotFoundResponse({ description: 'The console was not built (`npm run build`)', type: ErrorBody })
  page(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(reply, 'index.html', false);
  }

  @Get('assets/:file')
  @ApiOperation({ summary: "One of the console's compiled scripts or style sheets" })
  @ApiOkResponse({
    description: 'The file; names carry a hash of their content, so they are cached for good',
    content: { ...text('text/javascript'), ...text('text/css') },
  })
  @ApiNotFoundResponse({ description: 'No such file', type: ErrorBody })
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!ASSET_NAME.test(file)) throw noSuchFile();
    return this.send(reply, `assets/${file}`, true);
  }

  private send(reply: FastifyReply, path: string, immutable: boolean): Buffer {
    const file = this.assets.get(path);
    if (!file) throw noSuchFile();
    reply.type(file.type);
    if (immutable) reply.header('cache-control', 'public, max-age=31536000, immutable');
    return file.body;
  }
}
