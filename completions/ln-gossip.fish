# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ln_gossip_global_optspecs
    string join \n network= json generate= generate-dir= h/help V/version
end

function __fish_ln_gossip_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ln_gossip_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ln_gossip_using_subcommand
    set -l cmd (__fish_ln_gossip_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -s V -l version -d 'Print version'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "decode" -d 'Decode a message (hex) or a gossip file into JSON (one object, or JSON Lines for streams)'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "verify" -d 'Verify every signature in a gossip file (deduplicated, on all cores); prints a JSON summary'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "graph" -d 'Build the channel graph from a gossip file and print it or its statistics'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "query" -d 'Encode or decode gossip queries (261-265)'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "diff" -d 'Compare two gossip files: channels each lacks, fresher updates, resurrectable zombies'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "v2" -d 'Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l format -d 'Input framing' -r -f -a "auto\t'Detect: .xz is unpacked, then GSP\\x01, gossip_store, GOSSMAP (gzip), hex text, be16'
hex\t'One message as hex'
gsp\t'lnresearch GSP\\x01 (big-endian CompactSize lengths)'
be16\t'2-byte big-endian length per message (CLN gossipwith)'
hexlines\t'One hex message per line'
gossip_store\t'CLN gossip_store'
gossmap\t'CLN GOSSMAP_COMPRESSv1 topology snapshot (gzip)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l node-id -d 'Check a single channel_update\'s signature against this node id' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -l signers -d 'CSV (or .csv.xz) of short_channel_id,direction,signer_node_id for updates whose announcement is absent; updates with neither count as without_signer, not as failures' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -l threads -d 'Worker threads (default: all cores)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -l format -d 'Input framing' -r -f -a "auto\t'Detect: .xz is unpacked, then GSP\\x01, gossip_store, GOSSMAP (gzip), hex text, be16'
hex\t'One message as hex'
gsp\t'lnresearch GSP\\x01 (big-endian CompactSize lengths)'
be16\t'2-byte big-endian length per message (CLN gossipwith)'
hexlines\t'One hex message per line'
gossip_store\t'CLN gossip_store'
gossmap\t'CLN GOSSMAP_COMPRESSv1 topology snapshot (gzip)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l now -d 'Current time (unix seconds) for the two-week staleness rule [default: now]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l at -d 'Only take messages dated at or before T (the graph as of T)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l format -d 'Output' -r -f -a "stats\t'Summary statistics (JSON)'
json\t'Nodes and channels with their policies (JSON)'
graphml\t'GraphML'
dot\t'Graphviz DOT'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l input-format -d 'Input framing' -r -f -a "auto\t'Detect: .xz is unpacked, then GSP\\x01, gossip_store, GOSSMAP (gzip), hex text, be16'
hex\t'One message as hex'
gsp\t'lnresearch GSP\\x01 (big-endian CompactSize lengths)'
be16\t'2-byte big-endian length per message (CLN gossipwith)'
hexlines\t'One hex message per line'
gossip_store\t'CLN gossip_store'
gossmap\t'CLN GOSSMAP_COMPRESSv1 topology snapshot (gzip)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -f -a "encode" -d 'Build a query message: a KIND with flags, or the message as JSON (as `decode` prints it)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -f -a "decode" -d 'Decode a query message (hex)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and not __fish_seen_subcommand_from encode decode help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l first-block -d 'first_blocknum' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l blocks -d 'number_of_blocks' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l scids -d 'short_channel_ids (BxTxO), comma separated' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l flags -d 'query_flags, one per short_channel_id, comma separated' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l complete -d 'sync_complete / full_information byte' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l first-timestamp -d 'first_timestamp (gossip_timestamp_filter)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l range -d 'timestamp_range (gossip_timestamp_filter)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l chain-hash -d 'chain_hash as hex, instead of the one of --network' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l timestamps -d 'query_option: ask for update timestamps'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l checksums -d 'query_option: ask for update checksums'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l zlib -d 'Use the legacy zlib encoding (1), which BOLT 7 says MUST NOT be used'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from encode" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from decode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from decode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from decode" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "encode" -d 'Build a query message: a KIND with flags, or the message as JSON (as `decode` prints it)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "decode" -d 'Decode a query message (hex)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand diff" -l now -d 'Current time (unix seconds) for the staleness rule [default: now]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand diff" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand diff" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand diff" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l key-file -d 'File with the secret key(s), 32-byte hex, one per line [env: LN_GOSSIP_KEYS, comma-separated]' -r -F
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l digest -d 'MsgHash construction' -r -f -a "lnd\t'tagged_hash(tag, m), as lnd computes it (default)'
spec\t'SHA256(SHA256(tag)||SHA256(tag)||SHA256(m)), as the PR appendix writes it'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l announcement -d 'For channel_update_2: its channel_announcement_2 (hex)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l output-key -d 'For a channel_announcement_2 without bitcoin keys: the funding P2TR output key (x-only hex)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l funding-script -d 'The funding output\'s scriptPubKey (hex): also check it is made of the announced keys' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l digest -d 'MsgHash construction' -r -f -a "lnd\t'tagged_hash(tag, m), as lnd computes it (default)'
spec\t'SHA256(SHA256(tag)||SHA256(tag)||SHA256(m)), as the PR appendix writes it'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-build" -l index -d 'Positions of the transactions to prove (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-build" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-build" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-build" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-verify" -l txid -d 'The proven txids in index order (display hex, repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-verify" -l merkle-root -d 'The block header\'s merkle root (display hex) to compare with' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from spv-verify" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "decode" -d 'Decode a message (hex) or a gossip file into JSON (one object, or JSON Lines for streams)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "verify" -d 'Verify every signature in a gossip file (deduplicated, on all cores); prints a JSON summary'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "graph" -d 'Build the channel graph from a gossip file and print it or its statistics'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "query" -d 'Encode or decode gossip queries (261-265)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "diff" -d 'Compare two gossip files: channels each lacks, fresher updates, resurrectable zombies'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "v2" -d 'Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "encode" -d 'Build a query message: a KIND with flags, or the message as JSON (as `decode` prints it)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "decode" -d 'Decode a query message (hex)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
