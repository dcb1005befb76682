" Vim filetype plugin
" Language: Accord (plan files for system savings programmes)

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

" `#` comments, two-space indent as `accord fmt` writes it.
setlocal commentstring=#\ %s comments=:#
setlocal expandtab shiftwidth=2 softtabstop=2
" Names hold `-` (`PIP-05`, `fu-f2f`): `*`, `w` and completion take them whole.
setlocal iskeyword+=-
setlocal suffixesadd=.accord
" Keep `#` comments when formatting text with `gq`; no automatic wrapping of code.
setlocal formatoptions-=t formatoptions+=croql

compiler accord

" :AccordFormat rewrites the buffer as `accord fmt` would. A plan with syntax errors is left as it
" is and its errors go to the quickfix list (a plain `:%!accord fmt -` would replace it with them).
command! -buffer -bar AccordFormat call s:Format()

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< suffixesadd< formatoptions< makeprg< errorformat<'
      \ . ' | delcommand AccordFormat'

if exists('*s:Format')
  finish
endif

function! s:Format() abort
  let name = empty(expand('%')) ? 'plan.accord' : expand('%')
  let output = systemlist('accord fmt --stdin-filename ' . shellescape(name) . ' -', getline(1, '$'))
  if v:shell_error != 0
    cgetexpr output
    echohl ErrorMsg | echomsg 'accord fmt: the plan has syntax errors; see :copen' | echohl None
    return
  endif
  if output ==# getline(1, '$')
    return
  endif
  let view = winsaveview()
  silent! undojoin
  call setline(1, output)
  if line('$') > len(output)
    silent execute (len(output) + 1) . ',$delete _'
  endif
  call winrestview(view)
endfunction
