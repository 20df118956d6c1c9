// docs/examples/validation.js
// A form that answers 422 with its errors, swapped in place of itself on htmx 2 and htmx 4,
// and a server error reported as an event (HX-Trigger is read on every status).
import { createServer } from "node:http";
import { hx } from "hxplan";
import { htmx } from "hxplan/node";

// htmx 2 swaps no 4xx by default: this config adds 422 before the catch-all error rule.
// htmx 4 swaps 4xx/5xx by default and ignores it (there, `hx-status:422="…"` overrides).
const config = JSON.stringify({
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "[45]..", swap: false, error: true },
  ],
});

const form = (email = "", error = "") => `<form id="signup" hx-post="/signup">
  <input name="email" value="${email.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}">
  ${error ? `<p class="error">${error}</p>` : ""}<button>Sign up</button>
</form>`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="htmx-config" content='${config}'>
  <script src="https://unpkg.com/htmx.org@2.0.8"></script>
</head>
<body>${form()}<div id="welcome"></div></body>
</html>`;

async function body(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

const handler = htmx(async (req, res, { hx }) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (req.method === "GET" && req.url === "/") return res.end(page);
  if (req.method === "POST" && req.url === "/signup") {
    const email = (await body(req)).get("email") ?? "";
    if (!email.includes("@")) {
      // Whatever the form's hx-target says, the errors replace the form itself.
      hx().status(422).retarget("#signup").reswap("outerHTML").applyTo(res);
      return res.end(form(email, "Enter an email address."));
    }
    hx().retarget("#welcome").trigger("signed-up").applyTo(res);
    return res.end(`<p>Welcome!</p>`);
  }
  if (req.method === "POST" && req.url === "/report") throw new Error("the report service is down");
  res.statusCode = 404;
  res.end("Not found");
});

createServer((req, res) => {
  handler(req, res).catch((error) => {
    console.error(error);
    // An event the page shows as a toast, and nothing swapped (htmx 4 would swap a 5xx body).
    // document.addEventListener("server-error", (e) => showToast(e.detail.message));
    hx().status(500).reswap("none").trigger("server-error", { message: "Something went wrong" }).applyTo(res);
    res.end();
  });
}).listen(3000, () => console.log("http://localhost:3000"));
