/** Registers each domain module's routes. A module owns its routes, schemas and services. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

export function registerModules(_app: FastifyInstance, _ctx: AppContext): void {}
