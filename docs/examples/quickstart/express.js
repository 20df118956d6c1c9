// docs/examples/quickstart/express.js
import express from "express";
import { htmx } from "hxplan/express";

const app = express();
app.use(htmx()); // req.htmx, req.hx(), res.hx(plan), res.ptag()
app.post("/save", (req, res) => {
  res.hx(req.hx().trigger("saved", { id: 7 })).send("<p>Saved</p>");
});
app.listen(3000);
