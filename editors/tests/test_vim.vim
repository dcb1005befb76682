" Headless checks of editors/vim, run by scripts/test-editors.sh:
"   vim -Nu NONE -i NONE -Es --cmd 'set rtp^=editors/vim' -S editors/tests/test_vim.vim
" (or `nvim --headless …`)
" with ACCORD_EXAMPLE (a formatted plan file), ACCORD_BROKEN (a folder holding copies of the
" check fixtures E104-unexpected-token.accord and W407-unused.accord), ACCORD_REPORT (where to
" write the result) and `accord` on PATH. Writes one line per failure and exits non-zero on any.

let s:failures = []
function! s:Expect(what, got, want) abort
  if a:got !=# a:want
    call add(s:failures, printf('%s: got %s, want %s', a:what, string(a:got), string(a:want)))
  endif
endfunction

filetype plugin indent on
syntax on

" 1. Loading: detection, syntax, ftplugin and indent without an error.
let v:errmsg = ''
execute 'edit' fnameescape($ACCORD_EXAMPLE)
call s:Expect('error while loading', v:errmsg, '')
call s:Expect('filetype', &filetype, 'accord')
call s:Expect('syntax', get(b:, 'current_syntax', ''), 'accord')
call s:Expect('commentstring', &commentstring, '# %s')
call s:Expect('makeprg', &makeprg, 'accord check')
call s:Expect('indentexpr', &indentexpr, 'AccordIndent(v:lnum)')

" 2. Indenting a file `accord fmt` wrote, with its indentation stripped, gives it back.
let s:before = getline(1, '$')
silent %substitute/^\s\+//e
silent normal! gg=G
call s:Expect('indenting ' . $ACCORD_EXAMPLE, getline(1, '$') == s:before, v:true)

" 2b. :AccordFormat lays the file out as `accord fmt` does; a broken plan is kept and its
" errors go to the quickfix list.
silent %substitute/^\s\+//e
call append(0, ['', ''])
AccordFormat
call s:Expect('AccordFormat', getline(1, '$') == s:before, v:true)
enew!
setfiletype accord
call setline(1, ['plan "x" {', 'years FY22/23 £'])
silent AccordFormat
call s:Expect('AccordFormat on a broken plan', getline(1, '$'), ['plan "x" {', 'years FY22/23 £'])
call s:Expect('AccordFormat errors', map(filter(getqflist(), 'v:val.valid'), '[v:val.lnum, v:val.col]'), [[1, 10], [2, 15]])

" 3. Each token class gets its group: [line, text to find, group].
enew!
setfiletype accord
call setline(1, [
      \ 'scheme SE-05 "Outpatients \"new\"" {  # a comment',
      \ '  status delivery',
      \ '  productivity £1.2m',
      \ '  metric fu-f2f "F2F" { kind productivity; change -33% by 2024-03 }',
      \ '  savings FY22/23 { cash-releasing 1_000.5 }',
      \ '  approved 2022-04-12 by "SFPC"',
      \ '  after M1, PIP-02.M3',
      \ '}',
      \ 'plan { years FY22/23..FY24/25 }',
      \ 'partner ESNEFT',
      \ 'let x = £1.2M * 12k',
      \ ])
let s:cases = [
      \ [1, 'scheme', 'accordDeclaration'], [1, 'SE-05', 'accordDeclaredName'],
      \ [1, '"Out', 'accordString'], [1, '\"', 'accordEscape'], [1, '# a', 'accordComment'],
      \ [1, '{', 'accordDelimiter'],
      \ [2, 'status', 'accordAttribute'], [2, 'delivery', 'accordValue'],
      \ [3, 'productivity', 'accordAttribute'], [3, '£1.2m', 'accordMoney'],
      \ [4, 'metric', 'accordDeclaration'], [4, 'fu-f2f', 'accordDeclaredName'], [4, 'kind', 'accordAttribute'],
      \ [4, 'productivity', 'accordValue'], [4, 'change', 'accordAttribute'], [4, '-33', 'accordOperator'],
      \ [4, '33%', 'accordPercent'], [4, 'by', 'accordJoiningWord'], [4, '2024-03', 'accordMonth'],
      \ [5, 'FY22/23', 'accordFinancialYear'], [5, 'cash-releasing', 'accordAttribute'], [5, '1_000.5', 'accordNumber'],
      \ [6, '2022-04-12', 'accordDate'],
      \ [7, 'M1', 'accordIdentifier'], [7, 'PIP-02', 'accordQualifiedName'], [7, '.M3', 'accordAccessor'],
      \ [9, 'years', 'accordAttribute'], [9, 'FY22/23..FY24/25', 'accordFinancialYear'],
      \ [10, 'ESNEFT', 'accordDeclaredName'],
      \ [11, '£1.2M', 'accordMalformed'], [11, '12k', 'accordMalformed'], [11, '=', 'accordOperator'],
      \ ]
for [s:line, s:text, s:group] in s:cases
  let s:column = stridx(getline(s:line), s:text) + 1
  " Every character of the text carries the group; an operator or accessor is its first character.
  let s:length = s:group =~# 'Operator\|Accessor' ? 1 : strlen(s:text)
  let s:groups = map(range(s:column, s:column + s:length - 1), 'synIDattr(synID(s:line, v:val, 1), "name")')
  call s:Expect(printf('line %d `%s`', s:line, s:text), s:groups, repeat([s:group], s:length))
endfor

" 4. `:make` runs `accord check` in the folder and fills the quickfix list.
execute 'cd' fnameescape($ACCORD_BROKEN)
enew!
setfiletype accord
silent make
let s:entries = filter(getqflist(), 'v:val.valid')
let s:found = map(copy(s:entries), 'printf("%s:%d:%d:%s%d", fnamemodify(bufname(v:val.bufnr), ":t"), v:val.lnum, v:val.col, toupper(v:val.type), v:val.nr)')
call s:Expect('quickfix entries', s:found, [
      \ 'E104-unexpected-token.accord:5:23:E104', 'E104-unexpected-token.accord:6:16:E104',
      \ 'E104-unexpected-token.accord:12:20:E104', 'E104-unexpected-token.accord:13:12:E301',
      \ 'E104-unexpected-token.accord:15:1:E104',
      \ 'W407-unused.accord:11:9:W407', 'W407-unused.accord:13:8:W407',
      \ 'W407-unused.accord:15:6:W407', 'W407-unused.accord:17:5:W407'])
if !empty(s:entries)
  call s:Expect('first message', s:entries[0].text, 'expected `)` to close the `(` at column 13, found the end of the line')
endif
call s:Expect('lines kept as text', map(filter(getqflist(), '!v:val.valid'), 'v:val.text'), [])

" -Es shows no messages, so the report goes to the file the script prints.
if empty(s:failures)
  call writefile([printf('%s: %d token classes highlighted, indent kept, :AccordFormat, :make filled %d quickfix entries', v:progname, len(s:cases), len(s:entries))], $ACCORD_REPORT)
  qall!
endif
call writefile(map(s:failures, 'v:progname . ": FAIL: " . v:val'), $ACCORD_REPORT)
cquit!
