// The selector corpus shared by test/e2e/selectors.test.ts (hxplan against Chromium) and
// scripts/compare-selector-parsers.mjs (npm selector parsers against Chromium).

/** A page to run the corpus on: class names with non-ASCII, ids with digits, attributes. */
export const FIXTURE: string = `
<main id="main" class="wrap">
  <ul class="list café">
    <li id="row-1" class="item café" data-x="a b" title="é x">one</li>
    <li id="row-2" class="item" data-x="a,b" lang="en">two</li>
    <li id="7" class="item cafe" data-x="ab" dir="rtl">three</li>
    <li id="row-é" class="item x" title="café">four</li>
  </ul>
  <div class="café item">
    <span class="x y" data-n="1">a</span>
    <span class="a,b">b</span>
    <span class="caf\u00e9\u00a0x">c</span>
    <p class="z"><em class="x">d</em></p>
  </div>
  <section id="s" class="cafe item"><p class="x">e</p><p class="😀">f</p><p class="\u00e9">g</p></section>
  <form><input name="q" required><input name="r" disabled><button>go</button></form>
  <table><tr><td class="cell">1</td><td class="cell x">2</td></tr></table>
  <svg><rect class="x"></rect></svg>
</main>`;

/** Selectors, valid and not, as a caller might write them. */
export const CORPUS: readonly string[] = String.raw`#main
.item
.café
.café .item
.café .x
.café  .x
.café > .x
.café>.x
.café+.item
.café ~ .item
.item.café
li.café
ul.café li.item
.caf\é
.caf\é .item
.caf\0000e9 .item
.caf\e9 .item
.caf\e9  .item
.caf\00e9.item
#row-é
#row-\é
#\37
#\37 
.\31 23
#row-1, #row-2
#row-1 , #row-2
#row-1,#row-2
.café, .x
.😀
p.😀
.é
.é .x
[title="é x"]
[title="café"]
[title=café]
[title='é x']
[data-x="a b"]
[data-x="a,b"]
[data-x=ab]
[data-x~=b]
[data-x|=a]
[data-x^=a]
[data-x$=b]
[data-x*=","]
[data-x="AB" i]
[data-x="AB"i]
[data-x=AB i]
[data-x="ab" s]
[ data-x = ab ]
[data-x ="ab"]
[|data-x]
[*|data-x]
[ns|data-x]
[data-x~ =b]
[data-x=1]
[data-x="a" i i]
[data-x
[data-x="ab"
[data-x="ab
div[
[
[]
[="a"]
*|li
|li
ns|li
*|*
li|
li:first-child
li:last-child
li:nth-child(2)
li:nth-child(2n+1)
li:nth-child(odd)
li:nth-child(EVEN)
li:nth-child(-n+2)
li:nth-child(n-1)
li:nth-child(2n- 1)
li:nth-child(2n -1)
li:nth-child(2n + 1)
li:nth-child(+ 2)
li:nth-child(3n+-1)
li:nth-child(1.5)
li:nth-child()
li:nth-child(2n+1 of .café)
li:nth-child(odd of .item, .x)
li:nth-child(2n+1of .x)
li:nth-last-child(1)
li:nth-of-type(2)
li:nth-of-type(2n of .x)
li:nth-last-of-type(1)
:not(.café)
li:not(.café, .x)
li:not(.x .y)
:not(::before)
:not()
:not(##x)
:is(.café, .x)
:is(##x, .x)
:is()
:where(.café)
:where(::before)
div:has(> .x)
div:has(.x, + .z)
div:has(.é)
:has()
:has(:has(.x))
:has(::before)
:has(:is(:has(.x)))
li:lang(en)
li:lang("en")
li:dir(rtl)
:state(foo)
:state(2)
:host
:host(.x)
:host(.x .y)
:root
:scope
:scope > main
:SCOPE
LI
li:Hover
a:hover:focus
input:required
input:disabled
input:enabled
:checked
:empty
:focus-visible
:focus-within
:any-link
:link
:visited
:target
:placeholder-shown
:read-only
:read-write
:valid
:invalid
:user-invalid
:popover-open
:modal
:fullscreen
:defined
:indeterminate
:default
:optional
:in-range
:out-of-range
:autofill
:-webkit-autofill
:first-of-type
:last-of-type
:only-child
:only-of-type
:foo
:hovered
:-webkit-foo
:-moz-any-link
li::before
li::after
li::marker
::placeholder
::selection
::backdrop
::file-selector-button
li:before
li:first-line
::-webkit-scrollbar
::-webkit-foo
::-moz-selection
::foo
::part(a)
::part(a b)
::slotted(.x)
::slotted(.x .y)
::highlight(h)
::before::marker
li::before:hover
li::after .x
li::before.x
a:
a::
a:::before
#row 7
##x
#7
#-2
#-a
#--
.--
.-
.-->
.a -->.b
-->
.item-->.x
a||b
a >> b
a > > b
li >
> li
+ li
~ li
li ,
,li
li,,ul
li, ,ul
**
li*
*.item
*
* *
.x *
&
& .x
.x &
&.item
li{}
li;ul
@media
$x
!x
%x
.1x
.-1x
.x.
#
.
\
.a\
li\.x
.a\,b
.a\, .x
span.a\,b
.\61 \,b
.\61\2c b
.😀, .é
.😀 p
#main .café .x
#main>.café>.x
main#main.wrap
ul > li:not(:first-child)
td.cell + td
td.cell.x
svg rect
rect.x
main  .x
li:nth-child(2n+1 of.x)
li:is(.café
:where(.x
:not(.x
li:nth-child(n)
li:nth-child(+n)
li:nth-child(- n)
li:nth-child(N)
li:nth-child( 3 )
:lang(en, fr)
:lang()
:dir("ltr")
:heading
:-webkit-any(.x)
::cue(.x)
:active-view-transition-type(x)
.item:is(:hover, .x)
[title="a\"b"]
[title="é\"x"]
[title='é\'x']
[title="\é"]
.caf\é\ .x
.x\:hover
.\@x
#\31 0
:is(:not(.x), .y)
:has(:not(:has(.x)))
:not(:has(.x))
p:has(+ p)
*|*.x
.x ~ *
.x > *
.café>*
:not(.café) > .x
:is(.a, .b) .x
:where(.café) :is(.x)
li:nth-child(2n+1 of :not(.x))
li:nth-last-child(-n+2 of .item)
.café .x, .item.x, #row-é
.é\ 
.a .b .c .d .e .f
[title="é x"] + li
[title="é x"]~li
[lang|="en"]
[dir=rtl i]
ul>li:first-child+li
#s>p.x:only-of-type
.😀.😀
.\01f600
.\1f600 p
.\1F600  p
.\0001f600p`.split("\n");
