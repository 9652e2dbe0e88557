complete -c ln-commit -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-commit -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-commit -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-commit -s V -l version -d 'Print version'
