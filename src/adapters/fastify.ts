/**
 * Fastify 5: write plans through the reply, so Fastify's own header handling, `onSend` hooks
 * and `reply.code()` see them.
 *
 * `plan.applyTo(reply.raw)` would work too, but it writes straight to the Node response:
 * Fastify's `reply.getHeader()` and `onSend` hooks would not see those headers, and a later
 * `reply.header()` could not be merged with them. This subpath imports nothing from Fastify at
 * run time.
 *
 * @module
 */
import type { FastifyPluginCallback, FastifyReply } from "fastify";
import type { Hx } from "../hx.js";

/** The Node-response shape `plan.applyTo()` accepts, backed by a Fastify reply. */
export interface FastifyReplyTarget {
  getHeader(name: string): string | number | string[] | undefined;
  setHeader(name: string, value: string | number | readonly string[]): void;
  removeHeader(name: string): void;
  statusCode: number;
  readonly headersSent: boolean;
}

declare module "fastify" {
  // `Pick<Hx, "applyTo">`, not `Hx`: two copies of hxplan (say, dist and src) still agree.
  interface FastifyReply {
    /**
     * Merges an hxplan plan into this reply's headers (`reply.header()`) and status
     * (`reply.code()`); added by the `fastifyHx` plugin of `hxplan/fastify`.
     *
     * @throws HxError when the plan cannot be merged; the reply is then unchanged.
     */
    hx(plan: Pick<Hx, "applyTo">): FastifyReply;
  }
}

/**
 * A view of a Fastify reply as a header target for `plan.applyTo()`: headers go through
 * `reply.header()`, the status through `reply.code()`, and existing headers are read with
 * `reply.getHeader()`, so headers set by hooks or earlier handlers are merged, not replaced.
 *
 * @param reply - the Fastify reply.
 * @returns a target for `plan.applyTo()`.
 * @example
 * ```ts
 * import { hx } from "hxplan";
 * import { fastifyReply } from "hxplan/fastify";
 *
 * app.post("/todos", async (request, reply) => {
 *   hx().trigger("todo-added").applyTo(fastifyReply(reply));
 *   return reply.type("text/html").send("<li>…</li>");
 * });
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function fastifyReply(reply: FastifyReply): FastifyReplyTarget {
  return {
    getHeader: (name) => reply.getHeader(name) as string | number | string[] | undefined,
    setHeader: (name, value) => {
      reply.header(name, typeof value === "number" ? String(value) : value);
    },
    removeHeader: (name) => {
      reply.removeHeader(name);
    },
    get statusCode() {
      return reply.statusCode;
    },
    set statusCode(code: number) {
      reply.code(code);
    },
    get headersSent() {
      return reply.sent || reply.raw.headersSent;
    },
  };
}

function plugin(instance: Parameters<FastifyPluginCallback>[0], _options: unknown, done: () => void): void {
  instance.decorateReply("hx", function hx(this: FastifyReply, plan: Pick<Hx, "applyTo">): FastifyReply {
    plan.applyTo(fastifyReply(this));
    return this;
  });
  done();
}

// What fastify-plugin sets: no encapsulation, so `reply.hx` exists in every scope.
Object.assign(plugin, {
  [Symbol.for("skip-override")]: true,
  [Symbol.for("fastify.display-name")]: "hxplan",
  [Symbol.for("plugin-meta")]: { name: "hxplan", fastify: "5.x" },
});

/**
 * A Fastify plugin that adds `reply.hx(plan)`: it merges the plan into the reply through
 * `reply.header()` and `reply.code()` and returns the reply, so calls chain. Registered once
 * at the root, it is visible in every plugin scope.
 *
 * @example
 * ```ts
 * import Fastify from "fastify";
 * import { hx } from "hxplan";
 * import { fastifyHx } from "hxplan/fastify";
 *
 * const app = Fastify();
 * await app.register(fastifyHx);
 * app.post("/todos", async (request, reply) =>
 *   reply.hx(hx().trigger("todo-added").status(201)).type("text/html").send("<li>…</li>"),
 * );
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export const fastifyHx: FastifyPluginCallback = plugin as FastifyPluginCallback;
