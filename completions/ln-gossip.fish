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
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "v2" -d 'Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs, convert a v1 graph'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "feasibility" -d 'Payment feasibility (Pickhardt): wealth and payment checks, probabilities, r, ρ and S, with what-ifs; over an edge list, a JSON graph, or gossip'
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
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l spent -d 'Chain source: a file of spent channels, `SCID HEIGHT` per line (spending block); with --height, channels spent 72 or more blocks ago are forgotten (BOLT 7)' -r -F
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand graph" -l height -d 'Current block height, for --spent' -r
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
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "convert" -d 'Re-encode a v1 graph (any stream `decode` reads, or a GOSSMAP snapshot) as v2 messages with synthetic deterministic keys; prints bytes per channel, v1 vs v2'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and not __fish_seen_subcommand_from sign verify spv-build spv-verify convert help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l key-file -d 'File with the secret key(s), 32-byte hex, one per line [env: LN_GOSSIP_KEYS, comma-separated]' -r -F
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l digest -d 'MsgHash construction' -r -f -a "lnd\t'tagged_hash(tag, m), as lnd computes it (default)'
spec\t'SHA256(SHA256(tag)||SHA256(tag)||SHA256(m)), as the PR appendix writes it'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from verify" -l file -d 'Verify every v2 message of a stream instead (GSP, be16, hex lines; e.g. `convert`\'s output): updates against the stream\'s announcements; prints a summary' -r
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
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l out -d 'Write the v2 messages here' -r -F
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l out-format -d 'Framing of --out [default: jsonl for a .jsonl file, else gsp]' -r -f -a "gsp\t'GSP\\x01 header, big-endian CompactSize lengths'
be16\t'2-byte big-endian length per message'
jsonl\t'One JSON object per line: the decoded message and its `hex`'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l digest -d 'MsgHash construction' -r -f -a "lnd\t'tagged_hash(tag, m), as lnd computes it (default)'
spec\t'SHA256(SHA256(tag)||SHA256(tag)||SHA256(m)), as the PR appendix writes it'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l threads -d 'Worker threads for keys and signatures (default: all cores)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l timestamp -d 'Snapshot input: the timestamp its messages are given (unix seconds)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l sign -d 'Sign every message (MuSig2 4-of-4 for announcements); without it signature records are all zeros (same sizes)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "convert" -d 'Re-encode a v1 graph (any stream `decode` reads, or a GOSSMAP snapshot) as v2 messages with synthetic deterministic keys; prints bytes per channel, v1 vs v2'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand v2; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -f -a "wealth" -d 'Is a wealth distribution feasible? Prints a witness channel state or a violated cut'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -f -a "payment" -d 'Can FROM pay AMOUNT to TO from a given wealth distribution?'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -f -a "prob" -d 'Probability that a payment of AMOUNT from FROM to TO is feasible (exact for small graphs, max-flow sampling with a confidence interval for large ones)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -f -a "network" -d 'Network figures: r = |W_G| / |W(C,n)|, ρ(a) (share of infeasible payments) per amount, S = ζ / ρ'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and not __fish_seen_subcommand_from wealth payment prob network help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l graph-format -d 'How GRAPH is given' -r -f -a "auto\t'Detect: JSON, an edge list, or a gossip file / GOSSMAP snapshot'
edges\t'`A-B:CAP` tokens (`A-B-C:CAP` for a 3-party channel)'
json\t'`{"nodes": [..], "channels": [{"nodes": [a, b], "capacity": n}]}` or a channel array'
gossip\t'Any stream `decode` reads (GSP, be16, hex lines, gossip_store, GOSSMAP)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l capacity -d 'Gossip input: capacity (sat) of channels whose capacity is not known (no htlc_maximum_msat, no gossip_store amount); without it they are left out' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l unit -d 'Gossip input: one coin of the model is UNIT satoshis (capacities rounded down; channels under one unit are left out)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l merge -d 'What-if: merge these channels (labels or positions, comma separated) into one k-party channel (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l credit -d 'What-if: each member of CH may go AMOUNT below zero (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l add -d 'What-if: open a channel between existing nodes (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l remove -d 'What-if: close channel CH (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l wealth -d 'The distribution: `A=5,B=3,...`, amounts in node order, or JSON; \'-\' reads stdin' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from wealth" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l graph-format -d 'How GRAPH is given' -r -f -a "auto\t'Detect: JSON, an edge list, or a gossip file / GOSSMAP snapshot'
edges\t'`A-B:CAP` tokens (`A-B-C:CAP` for a 3-party channel)'
json\t'`{"nodes": [..], "channels": [{"nodes": [a, b], "capacity": n}]}` or a channel array'
gossip\t'Any stream `decode` reads (GSP, be16, hex lines, gossip_store, GOSSMAP)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l capacity -d 'Gossip input: capacity (sat) of channels whose capacity is not known (no htlc_maximum_msat, no gossip_store amount); without it they are left out' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l unit -d 'Gossip input: one coin of the model is UNIT satoshis (capacities rounded down; channels under one unit are left out)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l merge -d 'What-if: merge these channels (labels or positions, comma separated) into one k-party channel (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l credit -d 'What-if: each member of CH may go AMOUNT below zero (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l add -d 'What-if: open a channel between existing nodes (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l remove -d 'What-if: close channel CH (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l wealth -d 'The distribution (as for `wealth`)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l from -d 'Sender node' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l to -d 'Receiver node' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l amount -d 'Amount (in the graph\'s unit)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from payment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l graph-format -d 'How GRAPH is given' -r -f -a "auto\t'Detect: JSON, an edge list, or a gossip file / GOSSMAP snapshot'
edges\t'`A-B:CAP` tokens (`A-B-C:CAP` for a 3-party channel)'
json\t'`{"nodes": [..], "channels": [{"nodes": [a, b], "capacity": n}]}` or a channel array'
gossip\t'Any stream `decode` reads (GSP, be16, hex lines, gossip_store, GOSSMAP)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l capacity -d 'Gossip input: capacity (sat) of channels whose capacity is not known (no htlc_maximum_msat, no gossip_store amount); without it they are left out' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l unit -d 'Gossip input: one coin of the model is UNIT satoshis (capacities rounded down; channels under one unit are left out)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l merge -d 'What-if: merge these channels (labels or positions, comma separated) into one k-party channel (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l credit -d 'What-if: each member of CH may go AMOUNT below zero (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l add -d 'What-if: open a channel between existing nodes (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l remove -d 'What-if: close channel CH (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l from -d 'Sender node' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l to -d 'Receiver node' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l amount -d 'Amount (in the graph\'s unit)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l mode -d 'Exact, sampled, or exact when small enough' -r -f -a "auto\t'Exact when the state space is within --max-states, else sampling'
exact\t'Exact enumeration only'
sample\t'Monte-Carlo with max-flow per sample'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l model -d 'Wealth model' -r -f -a "uniform_wealth\t'Every feasible wealth distribution (the notes\' golden numbers)'
uniform_balances\t'Every channel state (each channel\'s split uniform, independently)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l max-states -d 'Bound on exact-enumeration work' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l samples -d 'Samples to keep when sampling' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l seed -d 'PRNG seed (same seed, same numbers)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l max-attempts -d 'Cap on draws from W(C,n) (rejection sampling)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from prob" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l graph-format -d 'How GRAPH is given' -r -f -a "auto\t'Detect: JSON, an edge list, or a gossip file / GOSSMAP snapshot'
edges\t'`A-B:CAP` tokens (`A-B-C:CAP` for a 3-party channel)'
json\t'`{"nodes": [..], "channels": [{"nodes": [a, b], "capacity": n}]}` or a channel array'
gossip\t'Any stream `decode` reads (GSP, be16, hex lines, gossip_store, GOSSMAP)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l capacity -d 'Gossip input: capacity (sat) of channels whose capacity is not known (no htlc_maximum_msat, no gossip_store amount); without it they are left out' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l unit -d 'Gossip input: one coin of the model is UNIT satoshis (capacities rounded down; channels under one unit are left out)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l merge -d 'What-if: merge these channels (labels or positions, comma separated) into one k-party channel (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l credit -d 'What-if: each member of CH may go AMOUNT below zero (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l add -d 'What-if: open a channel between existing nodes (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l remove -d 'What-if: close channel CH (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l amount -d 'Payment amounts for ρ (repeatable)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l zeta -d 'ζ: on-chain transactions per second available to the network (gives S = ζ / ρ)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l mode -d 'Exact, sampled, or exact when small enough' -r -f -a "auto\t'Exact when the state space is within --max-states, else sampling'
exact\t'Exact enumeration only'
sample\t'Monte-Carlo with max-flow per sample'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l model -d 'Wealth model' -r -f -a "uniform_wealth\t'Every feasible wealth distribution (the notes\' golden numbers)'
uniform_balances\t'Every channel state (each channel\'s split uniform, independently)'"
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l max-states -d 'Bound on exact-enumeration work' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l samples -d 'Samples to keep when sampling' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l seed -d 'PRNG seed (same seed, same numbers)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l max-attempts -d 'Cap on draws from W(C,n) (rejection sampling)' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from network" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from help" -f -a "wealth" -d 'Is a wealth distribution feasible? Prints a witness channel state or a violated cut'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from help" -f -a "payment" -d 'Can FROM pay AMOUNT to TO from a given wealth distribution?'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from help" -f -a "prob" -d 'Probability that a payment of AMOUNT from FROM to TO is feasible (exact for small graphs, max-flow sampling with a confidence interval for large ones)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from help" -f -a "network" -d 'Network figures: r = |W_G| / |W(C,n)|, ρ(a) (share of infeasible payments) per amount, S = ζ / ρ'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand feasibility; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "decode" -d 'Decode a message (hex) or a gossip file into JSON (one object, or JSON Lines for streams)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "verify" -d 'Verify every signature in a gossip file (deduplicated, on all cores); prints a JSON summary'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "graph" -d 'Build the channel graph from a gossip file and print it or its statistics'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "query" -d 'Encode or decode gossip queries (261-265)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "diff" -d 'Compare two gossip files: channels each lacks, fresher updates, resurrectable zombies'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "v2" -d 'Gossip v2 (taproot gossip, bolts PR #1059): sign, verify, SPV proofs, convert a v1 graph'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "feasibility" -d 'Payment feasibility (Pickhardt): wealth and payment checks, probabilities, r, ρ and S, with what-ifs; over an edge list, a JSON graph, or gossip'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode verify graph query diff v2 feasibility help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "encode" -d 'Build a query message: a KIND with flags, or the message as JSON (as `decode` prints it)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "decode" -d 'Decode a query message (hex)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "sign" -d 'Sign a v2 message (node_announcement_2 / channel_update_2 with one key; channel_announcement_2 with all 4 or 3 co-signer keys, run as one local MuSig2 session)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "verify" -d 'Verify a v2 message\'s BIP-340 signature (and, given the funding script, the announcement\'s keys)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "spv-build" -d 'Build an aggregated SPV merkle proof for transactions of one block'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "spv-verify" -d 'Check an SPV proof: recompute the merkle root from the proven txids'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from v2" -f -a "convert" -d 'Re-encode a v1 graph (any stream `decode` reads, or a GOSSMAP snapshot) as v2 messages with synthetic deterministic keys; prints bytes per channel, v1 vs v2'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from feasibility" -f -a "wealth" -d 'Is a wealth distribution feasible? Prints a witness channel state or a violated cut'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from feasibility" -f -a "payment" -d 'Can FROM pay AMOUNT to TO from a given wealth distribution?'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from feasibility" -f -a "prob" -d 'Probability that a payment of AMOUNT from FROM to TO is feasible (exact for small graphs, max-flow sampling with a confidence interval for large ones)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and __fish_seen_subcommand_from feasibility" -f -a "network" -d 'Network figures: r = |W_G| / |W(C,n)|, ρ(a) (share of infeasible payments) per amount, S = ζ / ρ'
