" Vim indent file
" Language: Accord (plan files for system savings programmes)
" One level per open `{`, as `accord fmt` lays plans out.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=AccordIndent(v:lnum)
setlocal indentkeys=0{,0},0),!^F,o,O

let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'

if exists('*AccordIndent')
  finish
endif

" A line without its trailing comment or the strings in it, so a `{` or `#` inside quotes counts not.
function! s:Code(lnum) abort
  let line = substitute(getline(a:lnum), '\v"%([^"\\]|\\.)*"?', '""', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! AccordIndent(lnum) abort
  let previous = prevnonblank(a:lnum - 1)
  while previous > 0 && getline(previous) =~# '^\s*#'
    let previous = prevnonblank(previous - 1)
  endwhile
  if previous == 0
    return 0
  endif
  let code = s:Code(previous)
  " Braces opened minus closed on the line before (`{ a; b }` on one line nets zero).
  let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  let indent = indent(previous) + shiftwidth() * max([opened, 0])
  " A line before that started with `}` was dedented already.
  if getline(a:lnum) =~# '^\s*}'
    let indent -= shiftwidth()
  endif
  if opened < 0 && code !~# '^\s*}'
    let indent += shiftwidth() * opened
  endif
  return max([indent, 0])
endfunction
