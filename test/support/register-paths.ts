// Global setup and teardown run outside Jest's module system, so the @app/* aliases are registered here.
import * as path from 'node:path';
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.json';

register({ baseUrl: path.resolve(__dirname, '../..'), paths: compilerOptions.paths });
