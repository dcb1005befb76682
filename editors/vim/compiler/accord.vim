" Vim compiler file
" Compiler: accord check (Accord plan files)
" `:make` checks the plans below the current folder; `:make %` checks the current file's plan.

if exists('current_compiler')
  finish
endif
let current_compiler = 'accord'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=accord\ check
" `plan.accord:5:23: error[E104]: expected …` becomes an entry of type e, number 104, at 5:23.
" The source line, the caret and the `= help:` line below it start with a space and are left out,
" as is the closing `checked N files` summary; anything else (a usage error) is kept as text.
CompilerSet errorformat=
      \%f:%l:%c:\ %trror[E%n]:\ %m,
      \%f:%l:%c:\ %tarning[W%n]:\ %m,
      \%-G\ %.%#,
      \%-Gchecked\ %.%#,
      \%-G,
      \%+G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
