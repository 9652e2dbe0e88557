# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ln_commit_global_optspecs
    string join \n network= json generate= generate-dir= h/help V/version
end

function __fish_ln_commit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ln_commit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ln_commit_using_subcommand
    set -l cmd (__fish_ln_commit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ln-commit -n "__fish_ln_commit_needs_command" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_needs_command" -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-commit -n "__fish_ln_commit_needs_command" -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-commit -n "__fish_ln_commit_needs_command" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -s V -l version -d 'Print version'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "check" -d 'Check a transaction or package (parents first, child last) against Bitcoin Core\'s relay policy: standardness, dust and ephemeral dust, TRUC, P2A, package shape and feerate, RBF'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "cpfp" -d 'Build the CPFP child that spends a commitment\'s anchor so the package reaches a feerate'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l core -d 'Bitcoin Core release whose default policy applies: 28, 29, 29.1, 30 or 31' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l prevout -d 'A confirmed coin the package spends: txid:vout=amount_sat:script_hex[@height] (repeatable)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l mempool -l replaces -d 'A transaction already in the mempool (hex, repeatable): an unconfirmed parent of the package, or one it replaces or evicts' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l min-relay-fee -d '-minrelaytxfee in sat/vB (default: the release\'s)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l incremental-relay-fee -d '-incrementalrelayfee in sat/vB (default: the release\'s)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l dust-relay-fee -d '-dustrelayfee in sat/vB (default 3)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l datacarrier-size -d '-datacarriersize in bytes (default: 83 before 30, 100000 from 30)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l height -d 'Chain tip height, for locktime and BIP 68 checks' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l mtp -d 'Median time past of the tip, for time locktimes' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l no-datacarrier -d '-datacarrier=0: no OP_RETURN output is standard'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l reject-bare-multisig -d '-permitbaremultisig=0'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l no-full-rbf -d '-mempoolfullrbf=0 (Core 28 only): only BIP 125-signalling or TRUC txs can be replaced'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l no-script-check -d 'Skip libbitcoinconsensus script verification'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand check" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l feerate -d 'Target package feerate (parent + child) in sat/vB, e.g. 5 or 2.5' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l utxo -d 'A wallet coin: txid:vout:amount_sat:script_hex (P2WPKH or P2TR; repeatable)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l key-file -d 'Wallet private keys (hex or WIF), one per line [env: LN_COMMIT_WALLET_KEYS, comma separated]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l key -d 'A wallet private key on the command line (hex or WIF; prefer --key-file; repeatable)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l anchor-key -d 'Spend the keyed `option_anchors` anchor of this funding key instead of the P2A; without a value the key comes from --anchor-key-file or LN_COMMIT_ANCHOR_KEY' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l anchor-key-file -d 'File holding the anchor funding key (hex or WIF)' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l parent-fee -d 'The parent\'s own fee in sat (default: from --prevout of its inputs, else 0)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l prevout -d 'A coin the parent spends, to compute its fee: txid:vout=amount_sat:script_hex' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l change-script -d 'Change scriptPubKey hex (default: the script of the first wallet coin used)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l change-address -d 'Change address (checked against --network)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l dust-relay-fee -d '-dustrelayfee for the change output, in sat/vB' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l psbt -d 'Print an unsigned PSBT (base64) for the wallet inputs instead of a signed transaction'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand cpfp" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from check cpfp help" -f -a "check" -d 'Check a transaction or package (parents first, child last) against Bitcoin Core\'s relay policy: standardness, dust and ephemeral dust, TRUC, P2A, package shape and feerate, RBF'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from check cpfp help" -f -a "cpfp" -d 'Build the CPFP child that spends a commitment\'s anchor so the package reaches a feerate'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from check cpfp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
