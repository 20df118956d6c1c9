/**
 * Fastify 5: write plans through the reply, so Fastify's own header handling, `onSend` hooks
 * and `reply.code()` see them.
 *
 * `plan.applyTo(reply.raw)` would work too, but it writes straight to the Node response:
 * Fastify's `reply.getHeader()` and `onSend` hooks would not see those headers, and a later
 * `reply.header()` could not be merged with them. This subpath imports nothing from Fastify at
 * run time (the plugin is marked the way `fastify-plugin` marks one).
 *
 * @module hxplan/fastify
 */
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import { type Hx, hx } from "../hx.js";
import { type HxRequest, hxRequest } from "../request.js";

/**
 * The Node-response shape `plan.applyTo()` accepts, backed by a Fastify reply.
 *
 * @see https://htmx.org/reference/#response_headers
 */
export interface FastifyReplyTarget {
  /**
   * Reads a header already set, with `reply.getHeader()`, so the plan merges with it.
   *
   * @param name - the header name, in any case
   * @returns the value, or `undefined` when the header is not set
   */
  getHeader(name: string): string | number | string[] | undefined;
  /**
   * Sets a header with `reply.header()`.
   *
   * @param name - the header name
   * @param value - the value, or one value per header line
   */
  setHeader(name: string, value: string | number | readonly string[]): void;
  /**
   * Removes a header with `reply.removeHeader()` (the other member of an exclusive group, such as `HX-Redirect`).
   *
   * @param name - the header name
   */
  removeHeader(name: string): void;
  /** The response status, read and written through `reply.code()`. */
  statusCode: number;
  /** `reply.sent` or the raw response's `headersSent`: once true, applying a plan throws `headers_sent`. */
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
  interface FastifyRequest {
    /**
     * The request's htmx headers, read lazily (`hxRequest(request.raw)`, once per request);
     * added by the `fastifyHx` plugin, which also merges `Vary` with the `HX-*` request headers
     * the handler read (`request.htmx.consulted`) before the reply is sent.
     */
    readonly htmx: HxRequest;
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

/** One HxRequest per request, made on first read, so `consulted` spans the whole request. */
const read = new WeakMap<FastifyRequest, HxRequest>();

function htmxOf(request: FastifyRequest): HxRequest {
  let htmx = read.get(request);
  if (htmx === undefined) {
    htmx = hxRequest(request.raw);
    read.set(request, htmx);
  }
  return htmx;
}

function plugin(instance: Parameters<FastifyPluginCallback>[0], _options: unknown, done: () => void): void {
  instance.decorateReply(
    "hx",
    function applyPlan(this: FastifyReply, plan: Pick<Hx, "applyTo">): FastifyReply {
      plan.applyTo(fastifyReply(this));
      return this;
    },
  );
  instance.decorateRequest("htmx", {
    getter(this: FastifyRequest): HxRequest {
      return htmxOf(this);
    },
  });
  // A cache must key the response on every HX-* request header the handler looked at.
  instance.addHook("onSend", async (request, reply, payload) => {
    const consulted = read.get(request)?.consulted;
    const target = fastifyReply(reply);
    if (consulted !== undefined && consulted.length > 0 && !target.headersSent) {
      hx()
        .vary(...consulted)
        .applyTo(target);
    }
    return payload;
  });
  done();
}

// What fastify-plugin sets: no encapsulation, so `reply.hx`, `request.htmx` and the hook
// apply in every scope.
Object.assign(plugin, {
  [Symbol.for("skip-override")]: true,
  [Symbol.for("fastify.display-name")]: "hxplan",
  [Symbol.for("plugin-meta")]: { name: "hxplan", fastify: "5.x" },
});

/**
 * A Fastify plugin that adds:
 * - `reply.hx(plan)`: merges the plan into the reply through `reply.header()` and
 *   `reply.code()` and returns the reply, so calls chain;
 * - `request.htmx`: the request's htmx headers (see `hxRequest`), read lazily;
 * - an `onSend` hook that merges `Vary` with the `HX-*` request headers the handler read
 *   through `request.htmx`, so a cache keeps full pages and fragments apart.
 *
 * Registered once at the root, it applies in every plugin scope.
 *
 * @example
 * ```ts
 * import Fastify from "fastify";
 * import { hx } from "hxplan";
 * import { fastifyHx } from "hxplan/fastify";
 *
 * const app = Fastify();
 * await app.register(fastifyHx);
 * app.get("/todos", async (request, reply) =>
 *   reply.type("text/html").send(request.htmx.isHtmx ? rows() : page(rows())),
 * ); // Vary: HX-Request, HX-History-Restore-Request
 * app.post("/todos", async (request, reply) =>
 *   reply.hx(hx().trigger("todo-added").status(201)).type("text/html").send("<li>…</li>"),
 * );
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export const fastifyHx: FastifyPluginCallback = plugin as FastifyPluginCallback;
