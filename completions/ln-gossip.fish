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
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "decode" -d 'Decode one Lightning message (2-byte type + payload, as hex) into JSON with BOLT names'
complete -c ln-gossip -n "__fish_ln_gossip_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand decode" -s h -l help -d 'Print help'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode help" -f -a "decode" -d 'Decode one Lightning message (2-byte type + payload, as hex) into JSON with BOLT names'
complete -c ln-gossip -n "__fish_ln_gossip_using_subcommand help; and not __fish_seen_subcommand_from decode help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
