# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ln_ptlc_global_optspecs
    string join \n network= json generate= generate-dir= h/help V/version
end

function __fish_ln_ptlc_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ln_ptlc_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ln_ptlc_using_subcommand
    set -l cmd (__fish_ln_ptlc_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -s V -l version -d 'Print version'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "sim" -d 'Simulate channel update protocols: BOLT 2 full duplex vs turn-based (bolts PR #867) with NACK, plus the round trips and bytes of the four PTLC signing flows; prints a JSON report'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l config -d 'JSON config object (a file, or \'-\' for stdin); flags override its keys' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l seed -d 'PRNG seed (same seed, same report)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l duration-s -d 'Simulated seconds of payment arrivals and feerate moves' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rtt-ms -d 'Link round-trip time' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l processing-ms -d 'Processing time per received message' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rate-a-per-s -d 'Poisson rate of payments A offers to B' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rate-b-per-s -d 'Poisson rate of payments B offers to A' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l amount-min-sat -d 'Smallest payment (sizes are log-uniform)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l amount-max-sat -d 'Largest payment' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l hold-ms -d 'Delay before the receiver fulfils an irrevocably committed HTLC' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-move-rate-per-s -d 'Poisson rate of market feerate moves (the opener follows with update_fee)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-move-pct -d 'Size of each feerate move, in percent' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l disconnect-prob -d 'Probability that a message delivery drops the connection' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l reconnect-ms -d 'Time until the peers reconnect and exchange channel_reestablish' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l mode -d 'Protocol(s) to run' -r -f -a "async\t''
turn\t''
both\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-events -d 'Bound on processed events' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l capacity-sat -d 'Channel capacity' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l balance-a-sat -d 'The opener\'s (A\'s) initial balance' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-per-kw -d 'Initial feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l channel-type -d 'Commitment format' -r -f -a "static_remotekey\t''
anchors\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l reserve-sat -d 'channel_reserve_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l dust-limit-sat -d 'dust_limit_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-accepted-htlcs -d 'max_accepted_htlcs (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-spike-buffer -d 'The opener\'s fee spike buffer multiplier for its own adds (BOLT 2 suggests 2)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-buffer-a -d 'A\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-buffer-b -d 'B\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-dust-exposure-a-sat -d 'A\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-dust-exposure-b-sat -d 'B\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l config -d 'JSON config object (a file, or \'-\' for stdin); flags override its keys' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l script-a -d 'A\'s actions, e.g. "fee:12000,add:20000" (add:SAT, fee:PERKW; at most 4)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l script-b -d 'B\'s actions, e.g. "add:20000" (add:SAT only: B is not the opener)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-states -d 'Stop after this many distinct states' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-depth -d 'Do not expand paths longer than this' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l disconnects -d 'Connection drops (with reestablish) allowed per path, 0-2' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l mode -d 'Protocol(s) to explore' -r -f -a "async\t''
turn\t''
both\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l capacity-sat -d 'Channel capacity' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l balance-a-sat -d 'The opener\'s (A\'s) initial balance' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l feerate-per-kw -d 'Initial feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l channel-type -d 'Commitment format' -r -f -a "static_remotekey\t''
anchors\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l reserve-sat -d 'channel_reserve_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l dust-limit-sat -d 'dust_limit_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-accepted-htlcs -d 'max_accepted_htlcs (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-spike-buffer -d 'The opener\'s fee spike buffer multiplier for its own adds (BOLT 2 suggests 2)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-buffer-a -d 'A\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-buffer-b -d 'B\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-dust-exposure-a-sat -d 'A\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-dust-exposure-b-sat -d 'B\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l auto-fulfill -d 'Receivers fulfil each HTLC as soon as it is irrevocable (as `sim` does)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from help" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from sim help" -f -a "sim" -d 'Simulate channel update protocols: BOLT 2 full duplex vs turn-based (bolts PR #867) with NACK, plus the round trips and bytes of the four PTLC signing flows; prints a JSON report'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from sim help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from sim" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
