" Accord plan files.
autocmd BufRead,BufNewFile *.accord setfiletype accord
