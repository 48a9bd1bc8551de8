import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

let ready: Promise<void> | undefined;

/**
 * Makes TensorFlow.js train on its WebAssembly backend, loading the .wasm files from
 * node_modules (never from a CDN). Measured ~7× faster here than the pure-JS backend; the native
 * tfjs-node cannot install on these machines. Safe to call more than once.
 */
export function useWasmBackend(): Promise<void> {
  ready ??= (async () => {
    const wasmFile = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${dirname(wasmFile)}/`);
    const emitter: NodeJS.EventEmitter = process;
    const listeners = (event: string) => new Set(emitter.listeners(event));
    const before = PROCESS_EVENTS.map(listeners);
    if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js could not start its WebAssembly backend');
    await tf.ready();
    // Emscripten's loader adds process handlers that rethrow any uncaught error with the whole
    // minified loader as its message; Oscine's own error handling stays in charge instead.
    PROCESS_EVENTS.forEach((event, i) => {
      for (const listener of listeners(event)) if (!before[i].has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    });
  })();
  return ready;
}
