import { z } from 'zod';
import type { Task } from '../learn/algorithm.ts';
import type { ParamSpecs } from '../learn/params.ts';
import type { ProjectSettings } from '../project/project.ts';
import type { SessionState } from '../project/session-events.ts';
import type { ModelStatus } from '../project/store.ts';
import { type GestureBoard, type GestureMessage, gestureOutputRequest, gestureRequests } from './gesture-protocol.ts';

/**
 * What the studio page and the server say to each other over the WebSocket. The page sends
 * requests as JSON text (checked here, since anything can connect) and input frames as binary
 * messages (one Float64Array per frame); the server answers each request and tells every open
 * page about every change.
 */

const output = z.int().min(0);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const name = z.string().trim().min(1).max(200);

const outputRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('continuous'), name, min: finite, max: finite, integer: z.boolean().optional(), model: z.string().optional() }),
  z.object({ kind: z.literal('classifier'), name, classes: z.int().min(2).max(1000), model: z.string().optional() }),
  gestureOutputRequest,
]);

/** Requests the engine carries out for the page (src/core/studio/studio-commands.ts). */
const sessionRequest = z.discriminatedUnion('do', [
  z.object({ do: z.literal('record'), on: z.boolean() }),
  z.object({ do: z.literal('run'), on: z.boolean() }),
  z.object({ do: z.literal('train') }),
  z.object({ do: z.literal('cancelTraining') }),
  z.object({ do: z.literal('setValue'), output, value: finite }),
  z.object({ do: z.literal('toggle'), which: z.enum(['record', 'run', 'train']), outputs: z.array(output).max(1000), on: z.boolean() }),
  z.object({ do: z.literal('deleteAll') }),
  z.object({ do: z.literal('deleteLastRound') }),
  z.object({ do: z.literal('deleteOutputExamples'), output }),
  z.object({ do: z.literal('deleteExamples'), ids: z.array(z.int()).max(1_000_000) }),
  z.object({ do: z.literal('relabel'), ids: z.array(z.int()).max(1_000_000), output, value: finite }),
  z.object({ do: z.literal('undo') }),
  z.object({ do: z.literal('redo') }),
  z.object({ do: z.literal('examples') }),
  z.object({ do: z.literal('evaluate'), output, folds: z.int().min(0).max(100) }),
  z.object({ do: z.literal('setModel'), output, model: z.string(), params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])) }),
  z.object({ do: z.literal('selectInputs'), output, inputs: z.array(z.int()).max(10_000) }),
  z.object({
    do: z.literal('setOutputOptions'),
    output,
    min: finite.optional(),
    max: finite.optional(),
    integer: z.boolean().optional(),
    hardLimits: z.boolean().optional(),
    probabilities: z.boolean().optional(),
  }),
  z.object({ do: z.literal('renameInputs'), names: z.array(z.string()).max(10_000) }),
  z.object({ do: z.literal('renameOutputs'), names: z.array(z.string()).max(10_000) }),
  z.object({ do: z.literal('setOsc'), port: z.int().optional(), inputAddress: z.string().optional(), outputAddress: z.string().optional(), outputHost: z.string().optional(), outputPort: z.int().optional() }),
  z.object({ do: z.literal('importExamples'), fileName: z.string().max(500), text: z.string() }),
  z.object({ do: z.literal('exportExamples'), format: z.enum(['arff', 'csv']) }),
  ...gestureRequests,
]);

/** Requests about project files, carried out by the server around the engine (src/node/server). */
const fileRequest = z.discriminatedUnion('do', [
  z.object({ do: z.literal('newProject'), name, inputs: z.array(name).min(1).max(10_000), outputs: z.array(outputRequest).min(1).max(1000) }),
  z.object({ do: z.literal('listProjects') }),
  z.object({ do: z.literal('openProject'), file: z.string().max(500) }),
  z.object({ do: z.literal('saveAs'), name }),
  z.object({ do: z.literal('importWekinator'), files: z.array(z.object({ path: z.string().max(1000), base64: z.string() })).min(1).max(10_000) }),
  z.object({ do: z.literal('monitor'), on: z.boolean() }),
]);

const REQUESTS: ReadonlyMap<string, z.ZodType> = new Map([...sessionRequest.options, ...fileRequest.options].map((option) => [option.shape.do.value, option]));

/**
 * Reads a request from the page: what to do, and the id its reply will carry. A request that
 * is wrong says what is wrong with it, naming the field.
 */
export function readRequest(json: unknown): { ok: true; request: Request } | { ok: false; id?: number; reason: string } {
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const id = Number.isInteger(fields.id) ? (fields.id as number) : undefined;
  const schema = typeof fields.do === 'string' ? REQUESTS.get(fields.do) : undefined;
  let reason: string | undefined;
  if (typeof fields.do !== 'string') reason = 'a request needs "do": the name of what to do';
  else if (!schema) reason = `there is no request called '${fields.do.slice(0, 60)}'`;
  else if (id === undefined) reason = `${fields.do}: every request needs a whole-number "id"`;
  if (reason !== undefined || !schema) return { ok: false, id, reason: reason ?? 'unreadable request' };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, id, reason: `${fields.do}: ${describeProblem(parsed.error)}` };
  return { ok: true, request: { ...(parsed.data as RequestBody), id: id! } };
}

export type SessionRequest = z.infer<typeof sessionRequest>;
export type FileRequest = z.infer<typeof fileRequest>;
export type Request = RequestBody & { readonly id: number };
export type OutputRequestForm = z.infer<typeof outputRequest>;
/** A request as the page writes it; the connection adds the id. */
export type RequestBody = SessionRequest | FileRequest;

/** One model the project can use, with its parameters, for the model editor. */
export interface AlgorithmInfo {
  readonly name: string;
  readonly summary: string;
  readonly tasks: readonly Task[];
  readonly params: ParamSpecs;
}

/** Where the session stands: sent when a page connects, when the project changes or is replaced. */
export interface Snapshot {
  readonly file: string;
  readonly settings: ProjectSettings;
  readonly state: SessionState;
  /** Models are playing (while training too, if running when training began). */
  readonly playing: boolean;
  readonly values: number[];
  readonly toggles: Toggles;
  readonly counts: readonly number[];
  readonly models: readonly ModelStatus[];
  readonly undoable: Undoable;
  readonly algorithms: readonly AlgorithmInfo[];
  readonly gestures: GestureBoard;
}

export interface Toggles {
  readonly record: readonly boolean[];
  readonly run: readonly boolean[];
  readonly train: readonly boolean[];
}

export interface Undoable {
  readonly undo?: string;
  readonly redo?: string;
}

/** An example as the page sees it; a missing output value is null. */
export interface ExampleRow {
  readonly id: number;
  readonly round: number;
  readonly time: number;
  readonly inputs: number[];
  readonly outputs: (number | null)[];
}

export interface MonitorLine {
  readonly at: number;
  readonly way: 'in' | 'out' | 'problem';
  readonly text: string;
}

/** What the server tells a page. */
export type ServerMessage =
  | { readonly type: 'welcome'; readonly snapshot: Snapshot; readonly studio: StudioAddress }
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot; readonly warning?: string }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown; readonly warning?: string }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly reason: string }
  /** A message the server could not read at all (not JSON, no id). */
  | { readonly type: 'error'; readonly reason: string }
  | { readonly type: 'state'; readonly state: SessionState; readonly playing: boolean }
  | { readonly type: 'outputs'; readonly values: number[]; readonly computed: boolean }
  /** Input frames that came from elsewhere (OSC, another page), for the live plot. */
  | { readonly type: 'inputs'; readonly values: number[] }
  | { readonly type: 'counts'; readonly counts: readonly number[]; readonly reason: string; readonly undoable: Undoable }
  | ({ readonly type: 'toggles' } & Toggles)
  | { readonly type: 'model'; readonly output: number; readonly status: ModelStatus }
  | { readonly type: 'progress'; readonly output: number; readonly fraction: number }
  | { readonly type: 'trained'; readonly trained: readonly number[]; readonly failed: readonly { output: number; reason: string }[]; readonly cancelled: boolean }
  | { readonly type: 'rejected'; readonly reason: string }
  | { readonly type: 'monitor'; readonly lines: readonly MonitorLine[]; readonly listening: OscListening }
  | GestureMessage;

export interface StudioAddress {
  /** The address to open on another device (with the pairing token when one is needed). */
  readonly url: string;
  readonly paired: boolean;
}

export interface OscListening {
  readonly host: string;
  readonly port: number;
  readonly inputAddress: string;
  readonly outputAddress: string;
  readonly outputHost: string;
  readonly outputPort: number;
}

/** Explains what was wrong with a request, in one line a person can act on. */
function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  return `${where}${issue.message}`;
}
