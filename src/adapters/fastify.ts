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
import type { Hx } from "../hx.js";
import { type HxRequest, hxRequest } from "../request.js";
import {
  type BoundHx,
  boundHx,
  type HtmxMiddlewareOptions,
  type MiddlewareSettings,
  middlewareSettings,
  ptagFlow,
} from "./middleware.js";
import { type HookableResponse, hookResponse, nodeRequestUrl } from "./node-response.js";

export type { BoundHx, HtmxMiddlewareOptions } from "./middleware.js";

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
    /**
     * The polling-tag flow of htmx 4's `hx-ptag`: on GET/HEAD with `HX-PTag: tag`, sends 304
     * with `HX-PTag` and no body and never calls `render`; otherwise sets `HX-PTag` (unless set)
     * and returns `render()`. Added by `hxplan/fastify`.
     */
    ptag<T>(tag: string, render: () => T): T | FastifyReply;
  }
  interface FastifyRequest {
    /**
     * The request's htmx headers, read lazily (`hxRequest(request.raw)`, once per request);
     * added by the `fastifyHx` plugin, which also merges `Vary` with the `HX-*` request headers
     * the handler read (`request.htmx.consulted`) before the reply is sent.
     */
    readonly htmx: HxRequest;
    /** `hx(options)` with the request's htmx version; added by `hxplan/fastify`. */
    hx: BoundHx;
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

// One HxRequest per request, made on first read and kept on the request itself (as the Node
// middleware keeps its context on the response), so `consulted` spans the whole request.
const READ = Symbol.for("hxplan.request");

/** The request's HxRequest if something made it already. */
function readOf(request: FastifyRequest): HxRequest | undefined {
  return (request as { [READ]?: HxRequest })[READ];
}

function htmxOf(request: FastifyRequest): HxRequest {
  let htmx = readOf(request);
  if (htmx === undefined) {
    htmx = hxRequest(request.raw);
    Object.defineProperty(request, READ, { value: htmx, configurable: true });
  }
  return htmx;
}

function pluginWith(settings: MiddlewareSettings): FastifyPluginCallback {
  function plugin(instance: Parameters<FastifyPluginCallback>[0], _options: unknown, done: () => void): void {
    instance.decorateReply(
      "hx",
      function applyPlan(this: FastifyReply, plan: Pick<Hx, "applyTo">): FastifyReply {
        plan.applyTo(fastifyReply(this));
        return this;
      },
    );
    instance.decorateReply("ptag", function ptag<T>(this: FastifyReply, tag: string, render: () => T):
      | T
      | FastifyReply {
      return ptagFlow(htmxOf(this.request), this.request.method, tag, fastifyReply(this), render, () =>
        this.send(),
      );
    });
    instance.decorateRequest("htmx", {
      getter(this: FastifyRequest): HxRequest {
        return htmxOf(this);
      },
    });
    instance.decorateRequest("hx", function hxOf(this: FastifyRequest, options?: Parameters<BoundHx>[0]) {
      return boundHx(() => htmxOf(this), settings)(options);
    });
    // Vary, redirects and 286's reason phrase when the response goes out (error responses too).
    instance.addHook("onRequest", (request, reply, next) => {
      hookResponse(
        reply.raw as unknown as HookableResponse,
        settings,
        () => (settings.redirects === false ? readOf(request) : htmxOf(request)),
        () => nodeRequestUrl(request.raw),
      );
      next();
    });
    done();
  }
  // What fastify-plugin sets: no encapsulation, so the decorators and the hook apply in every scope.
  return markPlugin(plugin) as FastifyPluginCallback;
}

function markPlugin<T extends object>(plugin: T): T {
  return Object.assign(plugin, {
    [Symbol.for("skip-override")]: true,
    [Symbol.for("fastify.display-name")]: "hxplan",
    [Symbol.for("plugin-meta")]: { name: "hxplan", fastify: "5.x" },
  });
}

const DEFAULT_PLUGIN = pluginWith(middlewareSettings(undefined));

/**
 * The hxplan Fastify plugin, registered as `app.register(htmx(options))` (or
 * `app.register(htmx, options)`). It adds:
 * - `request.htmx`: the request's htmx headers (see `hxRequest`), read lazily;
 * - `request.hx()`: a plan factory bound to the request's htmx version (option `htmx`, or
 *   `request.htmx.version ?? 2`);
 * - `reply.hx(plan)`: merges the plan into the reply through `reply.header()` and
 *   `reply.code()` and returns the reply, so calls chain;
 * - `reply.ptag(tag, render)`: the htmx 4 polling-tag flow (304 without rendering when the
 *   request already holds `tag`);
 * - when the response goes out (error responses too): `Vary` gains the `HX-*` request headers
 *   that were read, a redirect answering a plain htmx request is converted (option
 *   `redirects`), and 286 gets the reason phrase `Stop Polling`.
 *
 * Registered once at the root, it applies in every plugin scope.
 *
 * @param options - `vary` (default true), `redirects` (default false), `htmx` (default `request.htmx.version ?? 2`)
 * @returns the plugin
 * @throws HxError `invalid_option` for bad options
 * @example
 * ```ts
 * import Fastify from "fastify";
 * import { htmx } from "hxplan/fastify";
 *
 * const app = Fastify();
 * await app.register(htmx({ redirects: "hx-redirect" }));
 * app.get("/todos", async (request, reply) =>
 *   reply.hx(request.hx().trigger("loaded")).type("text/html").send(request.htmx.isHtmx ? rows() : page(rows())),
 * ); // Vary: HX-Request, HX-History-Restore-Request
 * app.get("/news", async (request, reply) => reply.ptag(news.tag, () => reply.type("text/html").send(newsHtml())));
 * app.post("/todos", async (request, reply) => reply.redirect("/todos", 303)); // htmx: 200 + HX-Redirect
 * ```
 * @see https://htmx.org/reference/#response_headers
 */
export function htmx(options?: HtmxMiddlewareOptions): FastifyPluginCallback;
/**
 * The plugin itself, when registered without calling it: `app.register(htmx, options)`.
 *
 * @param instance - the Fastify instance
 * @param options - the plugin options
 * @param done - Fastify's callback
 */
export function htmx(
  instance: Parameters<FastifyPluginCallback>[0],
  options: unknown,
  done: (error?: Error) => void,
): void;
export function htmx(...args: unknown[]): FastifyPluginCallback | undefined {
  if (args.length === 3 && typeof args[2] === "function") {
    // Registered as the plugin itself: Fastify passes its own keys too (prefix, logLevel, …).
    const given = (args[1] ?? {}) as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const key of ["vary", "redirects", "htmx"]) if (given[key] !== undefined) picked[key] = given[key];
    const plugin =
      Object.keys(picked).length === 0
        ? DEFAULT_PLUGIN
        : pluginWith(middlewareSettings(picked, "register(htmx)"));
    (plugin as (...a: unknown[]) => void)(...args);
    return undefined;
  }
  return args[0] === undefined ? DEFAULT_PLUGIN : pluginWith(middlewareSettings(args[0]));
}
markPlugin(htmx);

/**
 * The hxplan Fastify plugin under its first name: `app.register(fastifyHx)` (default options)
 * or `app.register(fastifyHx(options))`; the same function as {@link htmx}.
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
export const fastifyHx: typeof htmx = htmx;
