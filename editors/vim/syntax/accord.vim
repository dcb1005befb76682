" Vim syntax file
" Language: Accord (plan files for system savings programmes)
" Keyword lists follow Sources/AccordSyntax/Grammar.swift;
" Tests/AccordSyntaxTests/EditorGrammarTests.swift fails when they drift apart.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Names hold `-` between name characters (`PIP-05`, `cash-releasing`).
syntax iskeyword @,48-57,_,-
syntax case match

" Later items win when two start at the same column, so the general ones come first.
syntax match accordIdentifier /\v<[A-Za-z]%([A-Za-z0-9_]|-[A-Za-z0-9_]@=)*/
syntax match accordQualifiedName /\v<[A-Za-z]%([A-Za-z0-9_]|-[A-Za-z0-9_]@=)*%(\.[A-Za-z]%([A-Za-z0-9_]|-[A-Za-z0-9_]@=)*)+/ contains=accordAccessor
syntax match accordAccessor /\./ contained

syntax match accordOperator /[-+*\/=]/
syntax match accordOperator /\.\./
syntax match accordDelimiter /[{}(),;]/

" A number or amount the lexer rejects (E103): `£1.2M`, `12k`, `1__0`, `12-3`.
syntax match accordMalformed /\v%(£|%([A-Za-z0-9_.])@1<![0-9])[A-Za-z0-9_.£%\/-]*/
syntax match accordNumber /\v%([A-Za-z0-9_.])@1<![0-9]%(_?[0-9])*%(\.[0-9]%(_?[0-9])*)?%([A-Za-z0-9_%.-])@!/
syntax match accordPercent /\v%([A-Za-z0-9_.])@1<![0-9]%(_?[0-9])*%(\.[0-9]%(_?[0-9])*)?\%/
syntax match accordMoney /\v£[0-9]%(_?[0-9])*%(\.[0-9]%(_?[0-9])*)?%(k|m|bn)?%([A-Za-z0-9_.])@!/
syntax match accordMonth /\v%([A-Za-z0-9_.])@1<![0-9]{4}-[0-9]{2}%([A-Za-z0-9_-])@!/
syntax match accordDate /\v%([A-Za-z0-9_.])@1<![0-9]{4}-[0-9]{2}-[0-9]{2}%([A-Za-z0-9_])@!/
" Financial years (`FY22/23`, `2022/23`) and year ranges (`FY22/23..FY24/25`).
syntax match accordFinancialYear /\v%([A-Za-z0-9_])@1<!%(FY[0-9]{2}|[0-9]{4})\/[0-9]{2}%(\.\.%(FY[0-9]{2}|[0-9]{4})\/[0-9]{2})?%([A-Za-z0-9_])@!/

" Keyword values: statuses, dimensions, ratings, metric kinds, partner types, levels, severities.
syntax match accordValue /\v<%(idea|scoping|approved|delivery|refresh|closure|closed|withdrawn)>%(\.[A-Za-z])@!/
syntax match accordValue /\v<%(cash-releasing|productivity|cost-growth-avoided|total|green|amber|red)>%(\.[A-Za-z])@!/
syntax match accordValue /\v<%(activity|quality|outcome|off|warning|error)>%(\.[A-Za-z])@!/
syntax match accordValue /\v<%(provider|commissioner|local-authority|ambulance|other|system|place|organisation)>%(\.[A-Za-z])@!/
syntax match accordValue /\v<%(yes|no|not-started|in-progress|signed-off|lower|higher|open|evenly)>%(\.[A-Za-z])@!/
syntax match accordJoiningWord /\v<%(by|at|days)>%(\.[A-Za-z])@!/

" The first word of a statement: at the start of a line, or after `{` or `;`.
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(years|as-of|approved|require-metrics|type|control-total|role|capacity)>%(\.[A-Za-z])@!/
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(level|status|lead|partners|sro|manager|clinical-lead|finance-lead|confidence|recurrent|qia)>%(\.[A-Za-z])@!/
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(cash-releasing|productivity|cost-growth-avoided|cost|phasing|actual|forecast)>%(\.[A-Za-z])@!/
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(due|critical|owner|done|after|kind|unit|better|baseline|change|target)>%(\.[A-Za-z])@!/
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(schemes|measure|cap|up-to|above|delivery|outturn)>%(\.[A-Za-z])@!/
syntax match accordAttribute /\v%(%(^|[{;])\s*)@<=<%(update-within|update|likelihood|impact|mitigation|review)>%(\.[A-Za-z])@!/
syntax match accordDeclaration /\v%(%(^|[{;])\s*)@<=<%(include|plan|partner|person|area|envelope|let|scheme|risk-share|scenario|risk)>%(\.[A-Za-z])@!/
syntax match accordDeclaration /\v%(%(^|[{;])\s*)@<=<%(confidence-weights|rules|savings|share|milestone|metric|trajectory|shortfall|gain)>%(\.[A-Za-z])@!/
" The name a declaration introduces. `partner` and `area` also stand inside blocks as
" references, so they declare only in column 1.
syntax match accordDeclaration /\v%(%(^|[{;])\s*)@<=<%(scheme|risk-share|scenario|milestone|metric|let|person)>%(\.[A-Za-z])@!/ nextgroup=accordDeclaredName skipwhite
syntax match accordDeclaration /\v^%(partner|area)>/ nextgroup=accordDeclaredName skipwhite
syntax match accordDeclaredName /\v<[A-Za-z]%([A-Za-z0-9_]|-[A-Za-z0-9_]@=)*>/ contained

syntax region accordString start=/"/ skip=/\\\\\|\\"/ end=/"\|$/ oneline contains=accordEscape,accordBadEscape
syntax match accordBadEscape /\\./ contained
syntax match accordEscape /\\["\\nt]/ contained

syntax match accordComment /#.*$/ contains=accordTodo,@Spell
syntax keyword accordTodo TODO FIXME XXX contained

highlight default link accordComment Comment
highlight default link accordTodo Todo
highlight default link accordString String
highlight default link accordEscape SpecialChar
highlight default link accordBadEscape Error
highlight default link accordDeclaration Keyword
highlight default link accordDeclaredName Identifier
highlight default link accordAttribute Statement
highlight default link accordValue Constant
highlight default link accordJoiningWord Keyword
highlight default link accordNumber Number
highlight default link accordPercent Number
highlight default link accordMoney Number
highlight default link accordDate Constant
highlight default link accordMonth Constant
highlight default link accordFinancialYear Constant
highlight default link accordMalformed Error
highlight default link accordOperator Operator
highlight default link accordDelimiter Delimiter
highlight default link accordAccessor Delimiter
highlight default link accordQualifiedName Identifier
highlight default link accordIdentifier Normal

let b:current_syntax = 'accord'

let &cpo = s:cpo_save
unlet s:cpo_save
