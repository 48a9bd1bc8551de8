/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** Renderers that draw WebGL on the CPU: there WebGL trains no faster than plain JavaScript. */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

/**
 * Picks TensorFlow.js's backend for training in a worker: WebGL on a real GPU; otherwise
 * WebAssembly (its .wasm files are served with the page, never from a CDN): without a GPU, 41
 * starter loops × 40 epochs took 5 s on it against 23 s with software WebGL or the CPU backend.
 * The CPU backend only if neither starts.
 */
export async function useTrainingBackend(): Promise<string> {
  setWasmPaths({ 'tfjs-backend-wasm.wasm': plainWasm, 'tfjs-backend-wasm-simd.wasm': simdWasm, 'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm });
  const wanted = hasGpu() ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'cpu'];
  for (const backend of wanted) {
    if (await tf.setBackend(backend).catch(() => false)) break;
  }
  await tf.ready();
  return tf.getBackend();
}

function hasGpu(): boolean {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return !SOFTWARE_RENDERERS.test(renderer);
  } catch {
    return false;
  }
}
