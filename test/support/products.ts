import { Controller, Get } from '@nestjs/common';
import { ApiProduct } from '@tollgate/usage';
import { ContractExempt } from './contract';

/** Two trivial protected routes under two API products, for tests that count per API. */
@Controller('api/v1/alpha')
@ApiProduct('alpha')
@ContractExempt('test fixture')
class AlphaController {
  @Get()
  get() {
    return { api: 'alpha' };
  }
}

@Controller('api/v1/beta')
@ApiProduct('beta')
@ContractExempt('test fixture')
class BetaController {
  @Get()
  get() {
    return { api: 'beta' };
  }
}

/** Pass as `startApi(config, testProducts)`. */
export const testProducts = {
  imports: [{ module: class TestProductsModule {}, controllers: [AlphaController, BetaController] }],
};
