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
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "keys" -d 'Per-commitment secrets (shachain), their compact storage, and BOLT 3 key derivation'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "build" -d 'Build (and sign, given keys) funding, commitment, HTLC, closing, sweep and penalty txs'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "inspect" -d 'Decode a transaction: commitment number, output roles, fee, feerate, TRUC'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "factory" -d 'Lay out a SuperScalar / timeout-tree factory: paths, exit sizes and fees, TRUC checks'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "recover" -d 'Spurious force-close recovery: helper value, and the immediate to_local sweep'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -f -a "shachain" -d 'Per-commitment secrets and points from a 32-byte seed (generate_from_seed)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -f -a "store" -d 'Insert revealed secrets into the compact store, checking each derives the earlier ones'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -f -a "derive" -d 'Derive per-commitment keys: pubkey/privkey from a basepoint, revocation pubkey/privkey'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and not __fish_seen_subcommand_from shachain store derive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l key-file -d 'File holding the seed as hex [env: LN_COMMIT_SEED]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l seed -d 'The seed as hex (prefer --key-file or LN_COMMIT_SEED)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l from -d 'First commitment number' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l count -d 'How many secrets (at most 10000)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from shachain" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from store" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from store" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from store" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -l basepoint -d 'The basepoint (payment, delayed_payment, htlc or revocation)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -l per-commitment-point -d 'The per-commitment point' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -l key-file -d 'JSON file with basepoint_secret and/or per_commitment_secret [env: LN_COMMIT_SECRETS]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from derive" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "shachain" -d 'Per-commitment secrets and points from a 32-byte seed (generate_from_seed)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "store" -d 'Insert revealed secrets into the compact store, checking each derives the earlier ones'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "derive" -d 'Derive per-commitment keys: pubkey/privkey from a basepoint, revocation pubkey/privkey'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l spec -d 'JSON spec: a file, \'-\' for stdin (stdin is also read when omitted and not a terminal)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l kind -d 'What to build (overrides the spec\'s `kind`)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l channel-type -d 'Channel type: static_remotekey, anchors, zero_fee_commitments' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l feerate-per-kw -d 'feerate_per_kw' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l dust-limit-sat -d 'The holder\'s dust_limit_satoshis (trimming)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l commitment-number -d 'Commitment number' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l to-local-msat -d 'to_local balance in msat (HTLCs excluded)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l to-remote-msat -d 'to_remote balance in msat (HTLCs excluded)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l set -d 'Set any spec field: KEY=JSON (e.g. --set to_self_delay=144, --set holder=\'"remote"\')' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l key-file -d 'JSON file of secrets, merged into the spec [env: LN_COMMIT_SECRETS holds the JSON]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l htlc-txs -d 'Also build the HTLC-success / HTLC-timeout transactions of a commitment'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l basepoints -d 'payment_basepoint of the opener and of the accepter: decodes the commitment number' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l funding-amount -d 'Funding amount in sat: prints the fee and the trimmed amount' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l feerate-per-kw -d 'feerate_per_kw of the commitment: splits the fee into base fee and trimmed value' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l keys -d 'Keys to derive candidate scripts from: inline JSON or a file (see `build --spec`)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l spent-by -d 'A transaction spending outputs of this one (hex); repeatable' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l clients -d 'Number of clients' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l arity -d 'Arity per layer from the leaves up, comma separated (the last repeats)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l states -d 'States per state layer (Decker–Wattenhofer)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l step -d 'Relative-lock step between states, in blocks' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l timeout -d 'Absolute timeout height of the LSP & CLTV paths' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l channel-sat -d 'Channel capacity per client' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l lsp-stock-sat -d 'LSP liquidity stock per leaf' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l anchor-sat -d 'P2A anchor value on each node (0: none)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l feerates -d 'Feerates for the exit-cost table, sat/vB, comma separated' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -f -a "helper" -d 'The honest peer: the helper value for the closer\'s confirmed commitment'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -f -a "sweep" -d 'The closer: sweep its to_local at once with the helper value (refused with pending HTLCs)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and not __fish_seen_subcommand_from helper sweep help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from helper" -l per-commitment-point -d 'The closer\'s per_commitment_point of the confirmed commitment' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from helper" -l key-file -d 'JSON file with revocation_basepoint_secret [env: LN_COMMIT_SECRETS]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from helper" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from helper" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from helper" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l spec -d 'The closer\'s commitment spec (holder = the closer); file, \'-\' or stdin' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l key-file -d 'JSON file merged into the spec; may hold "helper" [env: LN_COMMIT_SECRETS]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l destination -d 'Destination scriptPubKey (hex)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l feerate-per-kw -d 'feerate_per_kw of the sweep' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from sweep" -s h -l help -d 'Print help'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from help" -f -a "helper" -d 'The honest peer: the helper value for the closer\'s confirmed commitment'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from help" -f -a "sweep" -d 'The closer: sweep its to_local at once with the helper value (refused with pending HTLCs)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand recover; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "keys" -d 'Per-commitment secrets (shachain), their compact storage, and BOLT 3 key derivation'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "build" -d 'Build (and sign, given keys) funding, commitment, HTLC, closing, sweep and penalty txs'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "inspect" -d 'Decode a transaction: commitment number, output roles, fee, feerate, TRUC'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "factory" -d 'Lay out a SuperScalar / timeout-tree factory: paths, exit sizes and fees, TRUC checks'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "recover" -d 'Spurious force-close recovery: helper value, and the immediate to_local sweep'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "shachain" -d 'Per-commitment secrets and points from a 32-byte seed (generate_from_seed)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "store" -d 'Insert revealed secrets into the compact store, checking each derives the earlier ones'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "derive" -d 'Derive per-commitment keys: pubkey/privkey from a basepoint, revocation pubkey/privkey'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from recover" -f -a "helper" -d 'The honest peer: the helper value for the closer\'s confirmed commitment'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from recover" -f -a "sweep" -d 'The closer: sweep its to_local at once with the helper value (refused with pending HTLCs)'
