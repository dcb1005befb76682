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

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< suffixesadd< formatoptions< makeprg< errorformat<'
