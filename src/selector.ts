// CSS selectors as Chromium's `querySelectorAll` reads them, checked by regular expressions
// (the Selectors 4 grammar over CSS Syntax 3 tokens), plus htmx's extended forms for
// HX-Retarget and the CSS escaping of non-ASCII code points. Why hand-written rather than a
// parser from npm, and how it was measured against Chromium: docs/contributing/selectors.md.

/** What is wrong with a selector: the index of the offending character and the problem. */
export type SelectorProblem = readonly [index: number, problem: string];

// The grammar runs on a copy of the input of the same length in which every escape, non-ASCII
// character and string content is the letter "a" (each is a name character to the tokenizer,
// and what a string holds does not matter), so the grammar is ASCII. The input holds no control
// character (refused before), so CSS whitespace is a space.
const MASK =
  /\\(?:[\da-f]{1,6} ?|[\s\S]|$)|"(?:[^"\\]|\\[\s\S]?)*("?)|'(?:[^'\\]|\\[\s\S]?)*('?)|[^\0-\x7f]/gi;

function mask(value: string): string {
  return value.replace(MASK, (m, q1?: string, q2?: string) => {
    const close = q1 ?? q2;
    return close === undefined
      ? "a".repeat(m.length)
      : m[0] + "a".repeat(m.length - 1 - close.length) + close;
  });
}

const IDENT = "(?!-->)(?:--|-?[a-z_])[\\w-]*";
const TYPE = `(?:\\*?\\|)?(?:${IDENT}|\\*)`;
// The pseudo-classes Chromium accepts (Chromium 156, test/e2e/selectors.test.ts), without
// pseudo-elements: they never match in querySelectorAll. \x01 stands for a checked functional
// pseudo-class, \x02 for one that holds :has() (which cannot nest).
const SUBCLASS = `(?:#${IDENT}|\\.${IDENT}|\\[ *(?:\\*?\\|)?${IDENT} *(?:[~|^$*]?= *(?:${IDENT}|"a*(?:"|$)|'a*(?:'|$)) *(?:i *)?)?(?:]|$)|:(?:active|any-link|autofill|checked|default|defined|disabled|empty|enabled|(?:first|last|only)-(?:child|of-type)|focus(?:-visible|-within)?|fullscreen|host|hover|in-range|indeterminate|invalid|link|modal|open|optional|out-of-range|picture-in-picture|placeholder-shown|popover-open|read-(?:only|write)|required|root|scope|target|user-(?:in)?valid|valid|visited)(?![\\w-])|[&\\x01\\x02])`;
const COMPOUND = `(?:${TYPE}${SUBCLASS}*|${SUBCLASS}+)`;
const COMBINATOR = "(?: *[>+~] *| +)";

function list(relative: string, prefix?: boolean): RegExp {
  const complex = `${relative}(?:${COMPOUND}${COMBINATOR})*`;
  return new RegExp(
    prefix
      ? `^(?: *${complex}${COMPOUND} *, *)*${complex}(?:${COMPOUND})?`
      : `^ *${complex}${COMPOUND} *(?:, *${complex}${COMPOUND} *)*$`,
    "i",
  );
}
const LIST = list("");
const RELATIVE = list("(?:[>+~] *)?");
const NAME = new RegExp(`^ *${IDENT} *$`, "i");
// The longest start of a selector list, to point at the first character that breaks it.
const PREFIX = list("", true);
const FUNCTION = /:([\w-]+)\(([^()]*)(?:\)|$)/g;
const NTH = /^nth-(?:last-)?(child|of-type)$/i;
const ANB_OF = /^ *(?:odd|even|[+-]?\d+|[+-]?\d*n(?: *[+-] *\d+)?) *?(?: of(?![\w-])(.*))?$/i;

/**
 * Checks a plain CSS selector list the way Chromium's `querySelectorAll` parses it (pseudo-elements
 * aside, which match nothing there); returns the first problem, or `undefined`.
 */
export function cssProblem(value: string): SelectorProblem | undefined {
  let s = mask(value);
  let problem: SelectorProblem | undefined;
  // Functional pseudo-classes, innermost first, all of one depth in one pass; each checked one
  // becomes \x01 or \x02. Deeper than 32 is refused, so the check stays linear.
  for (let depth = 0; problem === undefined && s.search(FUNCTION) >= 0; depth++) {
    if (depth === 32) return [s.search(FUNCTION), "nests functions too deep"];
    s = s.replace(FUNCTION, (whole, fn: string, arg: string, index: number) => {
      const name = fn.toLowerCase();
      const nth = NTH.exec(name);
      const anb = ANB_OF.exec(arg);
      const forgiving = name === "is" || name === "where";
      const ok =
        forgiving ||
        (name === "not"
          ? LIST.test(arg)
          : name === "has"
            ? !arg.includes("\x02") && RELATIVE.test(arg)
            : nth !== null
              ? anb !== null && (anb[1] === undefined || (nth[1] === "child" && LIST.test(anb[1])))
              : /^(?:lang|dir|state)$/.test(name) && NAME.test(arg));
      problem ??= ok ? undefined : [index, `:${fn}() is unknown or holds an invalid argument`];
      return (name === "has" || (!forgiving && arg.includes("\x02")) ? "\x02" : "\x01").repeat(whole.length);
    });
  }
  return problem ?? (LIST.test(s) ? undefined : [PREFIX.exec(s)![0].length, "not valid CSS here"]);
}

const KEYWORD =
  /^(?:(?:closest|find|findAll|next|previous) +|(?:next|previous|document|window|body|root|host)$)/;
const MISPLACED = /^(?:this|closest|find|findAll|global)(?: |$)/;
const QUOTE_OR_ESCAPE = /["'\\]/;

/**
 * Checks an HX-Retarget value: `this`, or an optional `global ` and a comma list of htmx keyword
 * forms (`closest tr`, `next`, …) and plain CSS. htmx splits a list at every comma, even a quoted
 * or escaped one, and trims the parts, so a list holds no quote or backslash, and a keyword form
 * is not inside brackets.
 */
export function extendedProblem(value: string): SelectorProblem | undefined {
  if (value === "this") return undefined;
  const global = value.startsWith("global ") ? 7 : 0;
  const rest = value.slice(global);
  const parts = rest.split(",");
  if (parts.length > 1 && QUOTE_OR_ESCAPE.test(rest)) {
    return [global + rest.search(QUOTE_OR_ESCAPE), "htmx splits a list at every comma, also inside quotes"];
  }
  const plain: string[] = [];
  let at = 0;
  for (const part of parts) {
    const t = part.trim();
    const start = global + at + part.indexOf(t);
    const kw = KEYWORD.exec(t);
    const before = rest.slice(0, at);
    at += part.length + 1;
    if (kw === null && !MISPLACED.test(t)) plain.push(t);
    else if (kw === null || before.split(/[([]/).length !== before.split(/[)\]]/).length) {
      return [start, `htmx reads "${t}" as a keyword form, which must be a whole entry`];
    } else {
      const problem = cssProblem(t.slice(kw[0].length) || "*");
      if (problem !== undefined) return [start + kw[0].length + problem[0], problem[1]];
    }
  }
  // htmx joins the plain parts with commas: the same list when no keyword form was taken out.
  const problem =
    plain.length === 0 ? undefined : cssProblem(plain.length === parts.length ? rest : plain.join(","));
  return problem && [global + (plain.length === parts.length ? problem[0] : 0), problem[1]];
}

const CSS_ESCAPE = /\\?([^\0-\x7e])|\\[\s\S]/gu;

/**
 * Writes every non-ASCII code point as a 6-digit CSS escape (`é` → `\0000e9`, also one the
 * caller escaped: `\é`), followed by one extra space when whitespace follows, which the CSS
 * tokenizer swallows; the caller's own escapes (`\31 `, `\\`) are kept as written.
 */
export function cssEscapeNonAscii(selector: string): string {
  return selector.replace(CSS_ESCAPE, (m, ch: string | undefined, i: number) =>
    ch === undefined
      ? m
      : `\\${ch.codePointAt(0)!.toString(16).padStart(6, "0")}${selector[i + m.length] === " " ? " " : ""}`,
  );
}
