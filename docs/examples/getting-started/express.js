// docs/examples/getting-started/express.js
import express from "express";
import { htmx } from "hxplan/express";
import { list, page } from "./views.js";

const todos = ["Read the guide"];
const app = express();
app.use(express.urlencoded()); // htmx posts forms url-encoded
app.use(htmx()); // req.htmx, req.hx(), res.hx(plan), res.ptag(); Vary for what you read

app.get("/", (req, res) => {
  res.type("html").send(req.htmx.isHtmx ? list(todos) : page(todos));
});

app.post("/todos", (req, res) => {
  todos.push(String(req.body.text ?? ""));
  res
    .hx(req.hx().trigger("todo-added", { count: todos.length }))
    .type("html")
    .send(list(todos));
});

app.listen(3000, () => console.log("http://localhost:3000")); // Express answers other URLs 404
