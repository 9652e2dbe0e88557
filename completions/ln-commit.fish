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
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "check" -d 'Check a transaction or package (parents first, child last) against Bitcoin Core\'s relay policy: standardness, dust and ephemeral dust, TRUC, P2A, package shape and feerate, RBF'
complete -c ln-commit -n "__fish_ln_commit_needs_command" -f -a "cpfp" -d 'Build the CPFP child that spends a commitment\'s anchor so the package reaches a feerate'
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
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l channel-type -d 'Channel type: static_remotekey, anchors, zero_fee_commitments, simple_taproot' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l feerate-per-kw -d 'feerate_per_kw' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l dust-limit-sat -d 'The holder\'s dust_limit_satoshis (trimming)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l commitment-number -d 'Commitment number' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l to-local-msat -d 'to_local balance in msat (HTLCs excluded)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l to-remote-msat -d 'to_remote balance in msat (HTLCs excluded)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l set -d 'Set any spec field: KEY=JSON (e.g. --set to_self_delay=144, --set holder=\'"remote"\')' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l key-file -d 'JSON file of secrets, merged into the spec [env: LN_COMMIT_SECRETS holds the JSON]' -r -F
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l local-pubnonce -d 'simple_taproot: the `local` side\'s MuSig2 public nonce (66-byte hex)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l remote-pubnonce -d 'simple_taproot: the `remote` side\'s MuSig2 public nonce (66-byte hex)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l remote-partial-sig -d 'simple_taproot: the `remote` side\'s MuSig2 partial signature (32-byte hex), in place of its funding key and secret nonce' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand build" -l state-dir -d 'Directory of the used-nonce records [default: $XDG_STATE_HOME/lnkit, else ~/.local/state/lnkit]' -r -F
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
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l clients -d 'Number of clients [default: 8, or the number of --keys client keys]' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l arity -d 'Arity per layer from the leaves up, comma separated (the last repeats)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l states -d 'States per state layer (Decker–Wattenhofer)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l step -d 'Relative-lock step between states, in blocks' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l timeout -d 'Absolute timeout height of the LSP & CLTV paths' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l channel-sat -d 'Channel capacity per client' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l lsp-stock-sat -d 'LSP liquidity stock per leaf' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l anchor-sat -d 'P2A anchor value on each node (0: none)' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l feerates -d 'Feerates for the exit-cost table, sat/vB, comma separated' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l keys -d 'Public keys: inline JSON or a file, {"lsp_pubkey": HEX, "client_pubkeys": [HEX, ..]} (--clients defaults to their number); without it, fixed demo keys' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l leaf-channel-type -d 'Channel type of the leaf channels (their funding output and the commitment that ends an exit): zero_fee_commitments, anchors, simple_taproot, static_remotekey' -r
complete -c ln-commit -n "__fish_ln_commit_using_subcommand factory" -l to-self-delay -d 'to_self_delay of the leaf channels (added to the exit delay)' -r
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
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "keys" -d 'Per-commitment secrets (shachain), their compact storage, and BOLT 3 key derivation'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "build" -d 'Build (and sign, given keys) funding, commitment, HTLC, closing, sweep and penalty txs'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "inspect" -d 'Decode a transaction: commitment number, output roles, fee, feerate, TRUC'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "factory" -d 'Lay out a SuperScalar / timeout-tree factory: paths, exit sizes and fees, TRUC checks'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "recover" -d 'Spurious force-close recovery: helper value, and the immediate to_local sweep'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "check" -d 'Check a transaction or package (parents first, child last) against Bitcoin Core\'s relay policy: standardness, dust and ephemeral dust, TRUC, P2A, package shape and feerate, RBF'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "cpfp" -d 'Build the CPFP child that spends a commitment\'s anchor so the package reaches a feerate'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and not __fish_seen_subcommand_from keys build inspect factory recover check cpfp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "shachain" -d 'Per-commitment secrets and points from a 32-byte seed (generate_from_seed)'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "store" -d 'Insert revealed secrets into the compact store, checking each derives the earlier ones'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "derive" -d 'Derive per-commitment keys: pubkey/privkey from a basepoint, revocation pubkey/privkey'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from recover" -f -a "helper" -d 'The honest peer: the helper value for the closer\'s confirmed commitment'
complete -c ln-commit -n "__fish_ln_commit_using_subcommand help; and __fish_seen_subcommand_from recover" -f -a "sweep" -d 'The closer: sweep its to_local at once with the helper value (refused with pending HTLCs)'
