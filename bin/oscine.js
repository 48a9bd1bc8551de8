#!/usr/bin/env node
// Oscine is written in TypeScript; tsx compiles it as it loads, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/node/cli/main.ts');
