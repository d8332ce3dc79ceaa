import { Module } from '@nestjs/common';
import { BareController } from './bare.controller';

@Module({ controllers: [BareController] })
export class BareModule {}
