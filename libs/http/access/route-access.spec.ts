import { Controller, Delete, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { Operator } from './access.decorators';
import { handlerAccess } from './route-access';

@Controller('x')
@Operator()
class Routes {
  @Get() read() {}
  @Post() change() {}
  @Delete() remove() {}
  @Post('out') @Operator({ role: 'viewer' }) signOut() {}
}

@Controller('y')
@Operator({ role: 'admin' })
class AdminRoutes {
  @Get() read() {}
}

describe('the role an operator route needs', () => {
  const reflector = new Reflector();
  const role = (controller: Function, name: string) =>
    handlerAccess(reflector, (controller.prototype as Record<string, object>)[name], controller).operatorRole;

  it('is viewer for a route declared as GET and admin for any other method: closed by default', () => {
    expect(role(Routes, 'read')).toBe('viewer');
    expect(role(Routes, 'change')).toBe('admin');
    expect(role(Routes, 'remove')).toBe('admin');
  });

  it('is what @Operator({ role }) says, on the handler or its controller', () => {
    expect(role(Routes, 'signOut')).toBe('viewer');
    expect(role(AdminRoutes, 'read')).toBe('admin');
  });
});
